/**
 * The local platform of `npm run dev` and `npm run seed`: services that are not configured are started here (an
 * embedded PostgreSQL and S3 endpoint under .data/, redis-server from the PATH), then the migrations run.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR, dataSource } from './database.js';
import { createDatabase, ensureRedis, startEmbeddedPostgres, startEmbeddedS3, type RunningPostgres, type RunningS3 } from './services.js';

if (existsSync('.env')) process.loadEnvFile('.env');
const env = process.env;
env.NODE_ENV ??= 'development';

const stops: (() => Promise<unknown> | unknown)[] = [];

export async function prepareServices(): Promise<void> {
  if (!env.DATABASE_URL) {
    const cluster: RunningPostgres = await startEmbeddedPostgres(join(DATA_DIR, 'postgres'));
    stops.push(cluster.stop);
    env.DATABASE_URL = await createDatabase(cluster.url, 'filmschool', true);
    console.log(`Embedded PostgreSQL: ${env.DATABASE_URL} (data in .data/postgres)`);
  }
  if (!env.S3_ENDPOINT) {
    env.S3_BUCKET ??= 'filmschool';
    const s3: RunningS3 = await startEmbeddedS3(join(DATA_DIR, 's3'), env.S3_BUCKET);
    stops.push(s3.stop);
    Object.assign(env, {
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    });
    console.log(`Embedded S3 endpoint: ${s3.endpoint}, bucket ${env.S3_BUCKET} (objects in .data/s3)`);
  }
  env.REDIS_URL ??= 'redis://127.0.0.1:6379';
  if (!env.REDIS_PREFIX && env.NODE_ENV !== 'production') {
    // Two checkouts on one machine share its Redis: under one prefix, one's worker took the other's jobs and ran
    // them against the wrong database. Each checkout gets a prefix of its own.
    env.REDIS_PREFIX = `filmschool-dev-${createHash('sha256').update(process.cwd()).digest('hex').slice(0, 8)}`;
    console.log(`Redis keys under ${env.REDIS_PREFIX} (this checkout's own; set REDIS_PREFIX to choose)`);
  }
  const redis = await ensureRedis(env.REDIS_URL, join(DATA_DIR, 'redis'));
  if (redis) {
    stops.push(() => redis.kill());
    console.log(`Started redis-server for ${env.REDIS_URL}`);
  }
  if (!env.ADMIN_EMAIL && env.NODE_ENV !== 'production') {
    Object.assign(env, { ADMIN_EMAIL: 'admin@filmschool.local', ADMIN_PASSWORD: 'filmschool-admin' });
    console.log('Development administrator: admin@filmschool.local / filmschool-admin (set ADMIN_EMAIL and ADMIN_PASSWORD to change)');
  }
}

export async function migrate(): Promise<void> {
  const source = dataSource(env.DATABASE_URL!);
  await source.initialize();
  try {
    const applied = await source.runMigrations({ transaction: 'each' });
    if (applied.length) console.log(`Applied migrations: ${applied.map((m) => m.name).join(', ')}`);
  } finally {
    await source.destroy();
  }
}

/** Stops what prepareServices started, newest first. */
export async function stopServices(): Promise<void> {
  for (const stop of stops.reverse()) await stop();
}
