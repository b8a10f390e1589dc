/**
 * `npm run dev`: the whole platform on one machine, API and worker. Services that are not configured are
 * started here: an embedded PostgreSQL (DATABASE_URL unset) and an embedded S3 endpoint (S3_ENDPOINT unset),
 * both keeping their data under .data/, and redis-server from the PATH when nothing answers at REDIS_URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { migrate, prepareServices, stopServices } from './lib/platform.js';

const env = process.env;
const children: ChildProcess[] = [];

function run(name: string, script: string): void {
  const child = spawn(process.execPath, ['--enable-source-maps', script], { env, stdio: 'inherit' });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (!shuttingDown) {
      console.error(`${name} stopped (${signal ?? `exit ${code}`}); stopping the platform`);
      void shutdown(1);
    }
  });
}

function runToEnd(script: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { env, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${script} exited with ${code}`))));
  });
}

let shuttingDown = false;
async function shutdown(code: number): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : undefined)));
  await stopServices();
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // Said, so that a platform stopped from elsewhere (a terminal closed, a kill) is not a silent mystery.
    console.log(`Stopping the platform (${signal})…`);
    void shutdown(0);
  });
}

try {
  await prepareServices();
  await migrate();
  // A fresh database gets the demo data, so that a newcomer finds something to look at.
  if (env.NODE_ENV !== 'production' && env.SEED_DEMO !== 'false') await runToEnd('dist/scripts/seed-run.js');
  run('API', 'dist/apps/api/src/main.js');
  run('Worker', 'dist/apps/worker/src/main.js');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
