import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { readFileSync } from 'node:fs';

const readJson = (file) => JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8'));

/**
 * The import rules of docs/architecture.json, as a faster feedback loop than test/architecture.spec.ts (which
 * also checks relative paths between libraries and cycles): for each library and app, the `#names` it may not
 * import. ESLint applies the last block that sets a rule, so each file gets exactly one list.
 */
function layeringRules() {
  const architecture = readJson('./docs/architecture.json');
  const roots = Object.fromEntries(
    Object.entries(readJson('./package.json').imports).map(([name, target]) => [
      name.slice(1),
      target
        .replace(/^\.\/dist\//, '')
        .replace(/\/index\.js$/, '')
        .replace(/\/src$/, ''),
    ]),
  );
  const names = Object.keys(architecture.libraries);
  const deepImport = { regex: '^#[^/]+/', message: "import from the library's entry (#name), not its files" };
  const restrict = (unit, allowed, options = {}) => [
    'error',
    {
      paths: [
        ...names
          .filter((name) => !allowed.includes(name) && !(options.onlyNames && name in options.onlyNames))
          .map((name) => ({
            name: `#${name}`,
            message:
              name === unit
                ? 'inside a library, import its files by relative path'
                : `${unit} may import ${allowed.map((n) => `#${n}`).join(', ') || 'no library'} (docs/architecture.md)`,
          })),
        ...Object.entries(options.onlyNames ?? {}).map(([name, allowImportNames]) => ({
          name: `#${name}`,
          allowImportNames,
          message: `${unit} may take only ${allowImportNames.join(', ')} from #${name} (docs/architecture.md)`,
        })),
        ...(options.forbiddenPackages ?? []).map((name) => ({ name, message: `${unit} must not use ${name} (docs/architecture.md)` })),
      ],
      patterns: [
        deepImport,
        ...(options.forbiddenNames
          ? [{ regex: '^#', importNamePattern: options.forbiddenNames, message: `${unit} must not import these (docs/architecture.md)` }]
          : []),
      ],
    },
  ];
  return [
    ...Object.entries(architecture.libraries).map(([name, allowed]) => ({
      files: [`${roots[name]}/**/*.ts`],
      rules: { 'no-restricted-imports': restrict(name, allowed) },
    })),
    ...architecture.exceptions.map((exception) => ({
      // A known exception of docs/architecture.md, for these files only.
      files: exception.files,
      rules: { 'no-restricted-imports': restrict(exception.from, [...architecture.libraries[exception.from], exception.to]) },
    })),
    ...Object.entries(architecture.consumers)
      .filter(([, consumer]) => consumer.mayImport !== '*')
      .map(([unit, consumer]) => ({
        files: [`${unit}/**/*.ts`],
        rules: { 'no-restricted-imports': restrict(unit, consumer.mayImport, consumer) },
      })),
  ];
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.data/', 'coverage/', 'test-results/', 'apps/web/src/graphql-env.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-console': 'off',
    },
  },
  ...layeringRules(),
  {
    // The web app runs in browsers.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Scripts and tests use a library's entry point (`#films`), not its inner files.
    files: ['scripts/**/*.ts', 'test/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/libs/*/src/**'], message: 'import from the library entry (#name) and export what is needed there' },
            { regex: '^#[^/]+/', message: 'import from the library entry (#name) and export what is needed there' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    languageOptions: { globals: { ...globals.jest } },
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
