import { rmSync } from 'node:fs';
import { Redis } from 'ioredis';
import { dropDatabase } from '../dist/scripts/lib/services.js';

export default async function globalTeardown() {
  const services = globalThis.__filmschoolTest;
  if (!services) return;
  await dropDatabase(services.serverUrl, services.database);
  await services.embedded?.stop();
  await services.s3.stop();
  const redis = new Redis(services.redisUrl);
  const keys = await redis.keys(`${services.redisPrefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
  services.redis?.kill();
  rmSync(services.scratch, { recursive: true, force: true });
}
