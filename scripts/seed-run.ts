/**
 * npm run seed: the demo data (see seed.ts) on the configured services, or on the embedded ones of
 * `npm run dev` when none are configured. It loads nothing when programmes exist.
 */
import { migrate, prepareServices, stopServices } from './lib/platform.js';
import { runSeed } from './seed.js';

try {
  await prepareServices();
  await migrate();
  await runSeed();
} finally {
  await stopServices();
}
