/**
 * The API with Redis gone (a private redis-server, killed mid-run): people still sign in (the sign-in limits
 * fall back to the process's memory), read and write what needs no job, and /health says Redis is down.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureRedis } from '../scripts/lib/services.js';
import { ADMIN, TestApi } from './support/api.js';

let api: TestApi;
let redis: ChildProcess | undefined;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'filmschool-redis-'));
  // Jest gives each test file its own copy of the environment: the other files keep the suite's Redis.
  process.env.REDIS_URL = `redis://127.0.0.1:${40_000 + Math.floor(Math.random() * 20_000)}`;
  redis = await ensureRedis(process.env.REDIS_URL, dir);
  api = await TestApi.start();
}, 60_000);

afterAll(async () => {
  redis?.kill('SIGKILL');
  await api?.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

describe('with Redis down', () => {
  it('still signs people in, answers reads and writes that queue nothing, and says Redis is down on /health', async () => {
    const login = `mutation { login(email: "${ADMIN.email}", password: "${ADMIN.password}") { accessToken } }`;
    expect((await api.gql(login)).errors).toBeUndefined();
    redis!.kill('SIGKILL');
    await new Promise((resolve) => redis!.once('exit', resolve));

    const signedIn = await api.gql<{ login: { accessToken: string } }>(login);
    expect(signedIn.errors).toBeUndefined();
    const token = signedIn.data!.login.accessToken;
    const wrong = await api.gql(`mutation { login(email: "${ADMIN.email}", password: "not-the-password") { accessToken } }`);
    expect(wrong.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const created = await api.gql<{ createProgramme: { id: string } }>(
      'mutation { createProgramme(input: { name: "École de cinéma sans Redis", countries: ["ML"] }) { id } }',
      {},
      token,
    );
    expect(created.errors).toBeUndefined();
    const health = await fetch(`${api.url}/health`);
    expect(health.status).toBe(503);
    expect(((await health.json()) as { error: Record<string, unknown> }).error).toHaveProperty('redis');
  }, 60_000);
});
