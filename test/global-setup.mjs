/**
 * Starts what the end-to-end tests talk to: a fresh PostgreSQL database of its own (on DATABASE_URL's server,
 * or an embedded cluster), an S3 endpoint (s3rver) and Redis under a key prefix of its own. The apps run the
 * real migrations when they boot. Every run is new, so the suite passes twice in a row.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, ensureRedis, startEmbeddedPostgres, startEmbeddedS3 } from '../dist/scripts/lib/services.js';

/** @returns {Promise<void>} */
export default async function globalSetup() {
  const run = randomBytes(4).toString('hex');
  const scratch = mkdtempSync(join(tmpdir(), 'filmschool-test-'));

  const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres(join(process.cwd(), '.data', 'test-postgres'));
  const serverUrl = process.env.DATABASE_URL ?? embedded.url;
  const database = `filmschool_test_${run}`;
  const databaseUrl = await createDatabase(serverUrl, database);

  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redis = await ensureRedis(redisUrl, join(scratch, 'redis'));
  const s3 = await startEmbeddedS3(join(scratch, 's3'), 'filmschool-test');

  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: `filmschool-test-${run}`,
    S3_ENDPOINT: s3.endpoint,
    S3_REGION: 'us-east-1',
    S3_BUCKET: 'filmschool-test',
    S3_ACCESS_KEY_ID: s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    S3_FORCE_PATH_STYLE: 'true',
    JWT_SECRET: randomBytes(32).toString('hex'),
    ADMIN_EMAIL: 'admin@filmschool.test',
    ADMIN_PASSWORD: 'admin-password-for-tests',
    WORKER_HEALTH_PORT: '0',
  });

  const services = { serverUrl, database, redisUrl, redisPrefix: process.env.REDIS_PREFIX, s3, embedded, redis, scratch };
  globalThis.__filmschoolTest = services;
}
