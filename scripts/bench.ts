/**
 * npm run bench: measures the film upload path on this machine, then the impact report on a large dataset
 * (bench-report.ts).
 *
 * Generates a file of BENCH_UPLOAD_MB (default 256) MB, uploads it through the upload client (parts PUT straight
 * to the S3 endpoint, recorded with the API), then PUTs the same file to the same endpoint in one request, and
 * prints both throughputs beside the API process's peak memory during the upload. Services: DATABASE_URL's
 * server (or the embedded cluster) with a scratch database, Redis under a scratch prefix, an in-process s3rver.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, createReadStream, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { createS3Client } from '#storage';
import { fileSource, FilmUploader } from '#upload-client';
import { Redis } from 'ioredis';
import { benchReport } from './bench-report.js';
import { postgresServer } from './lib/database.js';
import { createDatabase, dropDatabase, ensureRedis, freePort, startEmbeddedS3 } from './lib/services.js';

const MB = 1024 * 1024;
const sizeMb = Number(process.env.BENCH_UPLOAD_MB ?? 256);
const scratch = mkdtempSync(join(tmpdir(), 'filmschool-bench-'));
const run = randomBytes(4).toString('hex');

async function graphql<T>(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors[0].message);
  return body.data;
}

/** Peak resident memory of a process so far (VmHWM), in MB. */
const peakRssMb = (pid: number): number => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

const server = await postgresServer();
const database = `filmschool_bench_${run}`;
const databaseUrl = await createDatabase(server.serverUrl, database);
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const redis = await ensureRedis(redisUrl, join(scratch, 'redis'));
const s3 = await startEmbeddedS3(join(scratch, 's3'), 'bench');
const port = await freePort();
const admin = { email: 'bench@filmschool.local', password: 'bench-password-1' };
const env = {
  ...process.env,
  NODE_ENV: 'test',
  LOG_LEVEL: 'warn',
  PORT: String(port),
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  REDIS_PREFIX: `filmschool-bench-${run}`,
  S3_ENDPOINT: s3.endpoint,
  S3_BUCKET: 'bench',
  S3_ACCESS_KEY_ID: s3.accessKeyId,
  S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
  S3_FORCE_PATH_STYLE: 'true',
  ADMIN_EMAIL: admin.email,
  ADMIN_PASSWORD: admin.password,
  FILM_UPLOAD_MAX_BYTES: String(8 * 1024 * MB),
};
const api = spawn(process.execPath, ['dist/apps/api/src/main.js'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
const graphqlUrl = `http://127.0.0.1:${port}/graphql`;

try {
  for (let i = 0; ; i += 1) {
    if ((await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined))?.ok) break;
    if (i > 150) throw new Error('The API did not start');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  // A programme, a cohort, a fellow and a film to upload to, made as a manager would.
  const { login } = await graphql<{ login: { accessToken: string } }>(
    graphqlUrl,
    'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
    {
      e: admin.email,
      p: admin.password,
    },
  );
  const token = login.accessToken;
  const { createProgramme } = await graphql<{ createProgramme: { id: string } }>(
    graphqlUrl,
    'mutation { createProgramme(input: { name: "Bench" }) { id } }',
    {},
    token,
  );
  const { createCohort } = await graphql<{ createCohort: { id: string } }>(
    graphqlUrl,
    'mutation ($p: ID!) { createCohort(input: { programmeId: $p, name: "Bench" }) { id } }',
    { p: createProgramme.id },
    token,
  );
  const { createFellow } = await graphql<{ createFellow: { id: string } }>(
    graphqlUrl,
    'mutation { createFellow(input: { fullName: "Bench", gender: FEMALE, country: "ML" }) { id } }',
    {},
    token,
  );
  await graphql(
    graphqlUrl,
    'mutation ($c: ID!, $f: ID!) { enrollFellow(cohortId: $c, fellowId: $f) { id } }',
    { c: createCohort.id, f: createFellow.id },
    token,
  );
  const { createFilm } = await graphql<{ createFilm: { id: string } }>(
    graphqlUrl,
    'mutation ($c: ID!, $f: ID!) { createFilm(input: { cohortId: $c, title: "Bench", genre: DOCUMENTARY, directorIds: [$f] }) { id } }',
    { c: createCohort.id, f: createFellow.id },
    token,
  );

  const file = join(scratch, 'film.bin');
  const fd = openSync(file, 'w');
  for (let written = 0; written < sizeMb; written += 1) writeSync(fd, randomBytes(MB));
  closeSync(fd);
  const bytes = statSync(file).size;
  const baselineRss = peakRssMb(api.pid!);

  const source = await fileSource(file);
  const uploader = new FilmUploader({ graphqlUrl, accessToken: token, concurrency: 4 });
  let started = performance.now();
  const asset = await uploader.upload(source, { filmId: createFilm.id, kind: 'FINAL_CUT', fileName: 'film.mp4', contentType: 'video/mp4' });
  const clientSeconds = (performance.now() - started) / 1000;
  await source.close();
  const apiPeak = peakRssMb(api.pid!);

  const client = createS3Client({ ...envS3(), createBucket: false, idleTimeoutMs: 30_000, connectTimeoutMs: 5_000 });
  const putUrl = await getSignedUrl(client, new PutObjectCommand({ Bucket: 'bench', Key: 'direct/film.bin' }), { expiresIn: 3600 });
  started = performance.now();
  const direct = await fetch(putUrl, {
    method: 'PUT',
    body: createReadStream(file) as unknown as RequestInit['body'],
    duplex: 'half',
  } as RequestInit);
  const directSeconds = (performance.now() - started) / 1000;
  if (!direct.ok) throw new Error(`Direct PUT failed: ${direct.status}`);

  const rate = (seconds: number) => `${(bytes / MB / seconds).toFixed(1)} MiB/s`;
  console.log(`\nFilm upload benchmark: ${(bytes / MB).toFixed(0)} MiB file, s3rver on loopback`);
  console.log(
    `  upload client (${uploader.partsSent} parts, 4 at a time): ${clientSeconds.toFixed(2)} s, ${rate(clientSeconds)} -> asset ${asset.status}`,
  );
  console.log(`  single direct PUT of the same file:      ${directSeconds.toFixed(2)} s, ${rate(directSeconds)}`);
  console.log(
    `  API process peak memory: ${apiPeak.toFixed(0)} MB (${baselineRss.toFixed(0)} MB before the upload): the bytes never pass through it`,
  );
} finally {
  api.kill('SIGTERM');
  await new Promise((resolve) => api.once('exit', resolve));
  await s3.stop();
  const cleanup = new Redis(redisUrl);
  const keys = await cleanup.keys(`filmschool-bench-${run}:*`);
  if (keys.length) await cleanup.del(...keys);
  await cleanup.quit();
  redis?.kill();
  await dropDatabase(server.serverUrl, database);
  await server.stop();
  rmSync(scratch, { recursive: true, force: true });
}

function envS3() {
  return {
    endpoint: s3.endpoint,
    region: 'us-east-1',
    bucket: 'bench',
    accessKeyId: s3.accessKeyId,
    secretAccessKey: s3.secretAccessKey,
    forcePathStyle: true,
  };
}

await benchReport();
