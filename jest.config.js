import { readFileSync } from 'node:fs';

/**
 * The libraries are registered once, in package.json "imports" (`#films` → `./dist/libs/films/src/index.js`).
 * Tests run the TypeScript sources, so each `#name` maps to the `.ts` file the built entry is compiled from.
 */
const packageImports = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).imports;

const sourceOf = (name, target) => {
  const match = typeof target === 'string' ? /^\.\/dist\/(.+)\.js$/.exec(target) : null;
  if (!match) {
    throw new Error(`package.json imports: ${name} should map to one "./dist/<path>.js" file, not ${JSON.stringify(target)}`);
  }
  return `<rootDir>/${match[1]}.ts`;
};

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Unit tests beside the code, end-to-end tests in test/, all in native ESM through ts-jest. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    // The web app's unit tests compile as the web app does (bundler resolution, DOM), the rest as Node code.
    '^.+/apps/web/.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'apps/web/tsconfig.spec.json' }],
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  moduleNameMapper: {
    ...Object.fromEntries(Object.entries(packageImports).map(([name, target]) => [`^${escapeRegExp(name)}$`, sourceOf(name, target)])),
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/test/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
  testTimeout: 30000,
};
