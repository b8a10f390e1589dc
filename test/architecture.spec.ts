import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';

/**
 * The layering of docs/architecture.md, checked on the sources: every `#name` import and every relative import
 * that leaves its library or app must be allowed by docs/architecture.json. The libraries are those of
 * package.json "imports"; a library missing from the table, an edge outside it or a cycle fails here.
 */

interface Consumer {
  mayImport: string[] | '*';
  mayImportApps?: boolean;
  /** Tests of the scripts themselves (the demo data) import them. */
  mayImportScripts?: boolean;
  onlyNames?: Record<string, string[]>;
  forbiddenNames?: string;
  forbiddenPackages?: string[];
}

interface Architecture {
  /** Each library with the libraries it may import. */
  libraries: Record<string, string[]>;
  consumers: Record<string, Consumer>;
  exceptions: { from: string; to: string; files: string[]; why: string }[];
}

interface Library {
  root: string;
  entry: string;
}

interface SourceFile {
  path: string;
  text: string;
}

interface ImportStatement {
  specifier: string;
  line: number;
  names: string[];
}

const ROOT = process.cwd();
const SCANNED = ['apps', 'libs', 'migrations', 'scripts', 'test'];
const readJson = <T>(file: string): T => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as T;

/** `#films` → `./dist/libs/films/src/index.js` becomes root `libs/films`, entry `libs/films/src/index.ts`. */
function librariesOf(packageImports: Record<string, unknown>): Record<string, Library> {
  return Object.fromEntries(
    Object.entries(packageImports).map(([name, target]) => {
      const match = typeof target === 'string' ? /^\.\/dist\/(.+)\.js$/.exec(target) : null;
      if (!name.startsWith('#') || !match)
        throw new Error(`package.json imports: ${name} → ${JSON.stringify(target)} is not "#name" → "./dist/<path>.js"`);
      const entry = `${match[1]}.ts`;
      return [name.slice(1), { root: posix.dirname(entry).replace(/\/src$/, ''), entry }];
    }),
  );
}

/** Every import, re-export and dynamic import of a source, with the names it takes (`default`, `*` or the named ones). */
function importsOf(text: string): ImportStatement[] {
  const found: ImportStatement[] = [];
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  for (const match of text.matchAll(/\b(?:import|export)\s+(?:type\s+)?([^;'"]*?)\s*from\s*['"]([^'"]+)['"]/g)) {
    const clause = match[1]!;
    const names: string[] = [];
    const braces = /\{([^}]*)\}/.exec(clause);
    if (braces) {
      for (const part of braces[1]!.split(',')) {
        const name = part
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)[0]!;
        if (name) names.push(name);
      }
    }
    const outside = clause.replace(/\{[^}]*\}/, '').trim();
    if (outside.includes('*')) names.push('*');
    else if (outside.replace(/,/g, '').trim()) names.push('default');
    found.push({ specifier: match[2]!, line: lineAt(match.index), names });
  }
  for (const match of text.matchAll(/\bimport\s*\(?\s*['"]([^'"]+)['"]/g)) {
    found.push({ specifier: match[1]!, line: lineAt(match.index), names: ['*'] });
  }
  return found;
}

/** The library or consumer (app, scripts, test) a repository path belongs to: the longest root that holds it. */
function unitOf(path: string, architecture: Architecture, libraries: Record<string, Library>): string | undefined {
  const roots: [string, string][] = [
    ...Object.entries(libraries).map(([name, library]): [string, string] => [library.root, name]),
    ...Object.keys(architecture.consumers).map((consumer): [string, string] => [consumer, consumer]),
  ];
  return roots
    .filter(([root]) => path === root || path.startsWith(`${root}/`))
    .sort(([a], [b]) => b.length - a.length)
    .map(([, unit]) => unit)[0];
}

const allowedOf = (architecture: Architecture, unit: string): string[] | '*' =>
  architecture.libraries[unit] ?? architecture.consumers[unit]?.mayImport ?? [];

/** The forbidden imports of `files`, one line each: `file:line: from → to: why`. */
function violations(architecture: Architecture, libraries: Record<string, Library>, files: SourceFile[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const unit = unitOf(file.path, architecture, libraries);
    if (!unit) {
      found.push(`${file.path}: belongs to no library or app of docs/architecture.json`);
      continue;
    }
    const consumer = architecture.consumers[unit];
    for (const { specifier, line, names } of importsOf(file.text)) {
      const at = `${file.path}:${line}: ${unit} → ${specifier}`;
      if (specifier.startsWith('#')) {
        const [name, ...inner] = specifier.slice(1).split('/');
        if (inner.length > 0) found.push(`${at}: import the library's entry (#${name}), not its files`);
        else if (!libraries[name!]) found.push(`${at}: no such library in package.json imports`);
        else if (name === unit) found.push(`${at}: a library imports its own files by relative path, not through its entry`);
        else {
          const allowed = allowedOf(architecture, unit);
          const excepted = architecture.exceptions.some((e) => e.from === unit && e.to === name && e.files.includes(file.path));
          if (allowed !== '*' && !allowed.includes(name!) && !excepted) {
            found.push(`${at}: not allowed (${unit} may import ${allowed.join(', ') || 'no library'})`);
          }
          const only = consumer?.onlyNames?.[name!];
          for (const taken of names.filter((n) => only && !only.includes(n))) {
            found.push(`${at}: ${unit} may take only ${only!.join(', ')} from #${name}, not ${taken}`);
          }
          const forbidden = consumer?.forbiddenNames ? new RegExp(consumer.forbiddenNames) : undefined;
          for (const taken of names.filter((n) => forbidden?.test(n))) {
            found.push(`${at}: ${unit} must not import ${taken} (names matching /${consumer!.forbiddenNames}/)`);
          }
        }
      } else if (specifier.startsWith('.')) {
        const target = relative(ROOT, join(ROOT, dirname(file.path), specifier))
          .split(sep)
          .join('/');
        const targetUnit = unitOf(target, architecture, libraries);
        if (targetUnit === unit) continue;
        if (targetUnit && libraries[targetUnit]) {
          found.push(`${at}: leaves ${unit} for the files of ${targetUnit}: import #${targetUnit}`);
        } else if (
          !(targetUnit?.startsWith('apps/') && consumer?.mayImportApps) &&
          !(targetUnit === 'scripts' && consumer?.mayImportScripts)
        ) {
          found.push(`${at}: leaves ${unit} for ${targetUnit ?? target}`);
        }
      } else if (consumer?.forbiddenPackages?.some((p) => specifier === p || specifier.startsWith(`${p}/`))) {
        found.push(`${at}: ${unit} must not use this package`);
      }
    }
  }
  return found;
}

/** One cycle of the graph, as `a → b → a`, or undefined. */
function cycleOf(edges: Record<string, string[]>): string | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node].join(' → ');
    state.set(node, 'open');
    path.push(node);
    for (const next of edges[node] ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of Object.keys(edges)) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

/** The edges between libraries the table allows, with the known exceptions. */
function libraryEdges(architecture: Architecture): Record<string, string[]> {
  const edges = Object.fromEntries(Object.entries(architecture.libraries).map(([name, mayImport]) => [name, [...mayImport]]));
  for (const exception of architecture.exceptions) edges[exception.from]?.push(exception.to);
  return edges;
}

/**
 * The graph of docs/architecture.md: libraries and apps with the edges they may import, less those implied by a
 * longer allowed path (everything reaches core through something), so that it stays readable; the table has
 * them all. The known exceptions are drawn dotted, and imply nothing.
 */
function drawnEdges(architecture: Architecture): string[] {
  const edges: Record<string, string[]> = { ...architecture.libraries };
  for (const [name, { mayImport }] of Object.entries(architecture.consumers)) {
    if (name.startsWith('apps/') && mayImport !== '*') edges[name] = mayImport;
  }
  const reaches = (from: string, to: string): boolean => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (next === to) return true;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(edges[next] ?? []));
    }
    return false;
  };
  const node = (unit: string) => unit.replace(/^apps\//, '').replace(/-/g, '_');
  return [
    ...Object.entries(edges).flatMap(([from, targets]) =>
      targets.filter((to) => !targets.some((other) => other !== to && reaches(other, to))).map((to) => `${node(from)} --> ${node(to)}`),
    ),
    ...architecture.exceptions.map((e) => `${node(e.from)} -.-> ${node(e.to)}`),
  ].sort();
}

function sourcesUnder(dir: string): SourceFile[] {
  if (!existsSync(join(ROOT, dir))) return [];
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => !path.split('/').includes('node_modules'))
    .sort()
    .map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));
}

describe('the architecture (docs/architecture.md)', () => {
  const architecture = readJson<Architecture>('docs/architecture.json');
  const libraries = librariesOf(readJson<{ imports: Record<string, unknown> }>('package.json').imports);
  // This file is left out: its probes below are forbidden imports written as strings.
  const files = SCANNED.flatMap(sourcesUnder).filter((file) => file.path !== 'test/architecture.spec.ts');

  it('has every library of package.json imports in its table, and every folder of libs/ in package.json imports', () => {
    expect(Object.keys(architecture.libraries).sort()).toEqual(Object.keys(libraries).sort());
    const registered = Object.values(libraries).map((library) => library.root);
    const folders = readdirSync(join(ROOT, 'libs'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(folders.map((folder) => `libs/${folder.name}`).filter((root) => !registered.includes(root))).toEqual([]);
    for (const library of Object.values(libraries)) expect(existsSync(join(ROOT, library.entry))).toBe(true);
  });

  it('names only known libraries, and its libraries depend on each other without a cycle', () => {
    const known = Object.keys(architecture.libraries);
    const named = [
      ...Object.entries(architecture.libraries).flatMap(([name, mayImport]) => mayImport.map((to) => `${name} → ${to}`)),
      ...Object.entries(architecture.consumers).flatMap(([name, { mayImport }]) =>
        mayImport === '*' ? [] : mayImport.map((to) => `${name} → ${to}`),
      ),
      ...architecture.exceptions.map((e) => `${e.from} → ${e.to}`),
    ];
    expect(named.filter((edge) => !known.includes(edge.split(' → ')[1]!) || edge.split(' → ')[0] === edge.split(' → ')[1])).toEqual([]);
    expect(cycleOf(libraryEdges(architecture))).toBeUndefined();
  });

  it('is followed by every import of apps/, libs/, migrations/, scripts/ and test/', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(violations(architecture, libraries, files)).toEqual([]);
  });

  it('lists only exceptions that are still taken', () => {
    const unused = architecture.exceptions.flatMap((e) =>
      e.files.filter((path) => {
        const file = files.find((f) => f.path === path);
        return !file || !importsOf(file.text).some((i) => i.specifier === `#${e.to}`);
      }),
    );
    expect(unused).toEqual([]);
  });

  it('reports forbidden imports, files reached past an entry, the worker taking API modules, and cycles', () => {
    const probe = (path: string, text: string) => violations(architecture, libraries, [{ path, text }]);
    expect(probe('libs/films/src/x.ts', "import { Festival } from '#festivals';")).toEqual([
      'libs/films/src/x.ts:1: films → #festivals: not allowed (films may import core, access, people, queue, storage)',
    ]);
    expect(probe('libs/people/src/x.ts', "\nimport type {\n  AuthGuard,\n} from '#identity';")).toEqual([
      'libs/people/src/x.ts:2: people → #identity: not allowed (people may import core, access, queue)',
    ]);
    expect(probe('libs/festivals/src/a/b.ts', "export { Film } from '../../../films/src/entities/index.js';")).toEqual([
      'libs/festivals/src/a/b.ts:1: festivals → ../../../films/src/entities/index.js: leaves festivals for the files of films: import #films',
    ]);
    expect(probe('libs/films/src/x.ts', "import { AppModule } from '../../../apps/api/src/app.module.js';")).toHaveLength(1);
    expect(probe('test/x.ts', "import { Film } from '../libs/films/src/entities/index.js';")).toHaveLength(1);
    expect(probe('test/x.ts', "import { AppModule } from '../apps/api/src/app.module.js';")).toEqual([]);
    expect(probe('scripts/x.ts', "const films = await import('#films/entities');")).toHaveLength(1);
    expect(probe('apps/worker/src/x.ts', "import { FilmsApiModule } from '#films';")).toEqual([
      'apps/worker/src/x.ts:1: apps/worker → #films: apps/worker must not import FilmsApiModule (names matching /ApiModule$/)',
    ]);
    expect(
      probe('apps/worker/src/x.ts', "import { IdentityModule, AuthModule } from '#identity';\nimport { JwtService } from '@nestjs/jwt';"),
    ).toEqual([
      'apps/worker/src/x.ts:1: apps/worker → #identity: apps/worker may take only IdentityModule, PurgeExpiredInvitationsJob from #identity, not AuthModule',
      'apps/worker/src/x.ts:2: apps/worker → @nestjs/jwt: apps/worker must not use this package',
    ]);
    expect(cycleOf({ core: [], people: ['core', 'films'], films: ['core', 'people'] })).toBe('people → films → people');
  });

  it('is drawn and tabled in docs/architecture.md exactly as docs/architecture.json says', () => {
    const doc = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
    const list = (cell: string) => [...cell.matchAll(/`#?([\w/-]+)`/g)].map((m) => m[1]!).sort();
    const tabled = Object.fromEntries(
      [...doc.matchAll(/^\| `([\w/-]+)` +\| ([^|]*)\|/gm)].map((row) => [
        row[1]!,
        row[2]!.includes('every library') ? '*' : list(row[2]!).join(' ') || '—',
      ]),
    );
    const expected = Object.fromEntries([
      ...Object.entries(architecture.libraries).map(([name, mayImport]) => [name, [...mayImport].sort().join(' ') || '—']),
      ...Object.entries(architecture.consumers).map(([name, { mayImport }]) => [
        name,
        mayImport === '*' ? '*' : [...mayImport].sort().join(' '),
      ]),
    ]);
    expect(tabled).toEqual(expected);

    const mermaid = /```mermaid\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const drawn = [...mermaid.matchAll(/^\s*([\w-]+)\s*(-->|-\.->)\s*([\w-]+)/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`).sort();
    expect(drawn).toEqual(drawnEdges(architecture));
  });

  it('leaves nest-cli.json without a list of projects: package.json imports is the one list of libraries', () => {
    const nest = readJson<Record<string, unknown>>('nest-cli.json');
    expect(nest.projects).toBeUndefined();
    expect(nest.monorepo).toBeUndefined();
  });
});
