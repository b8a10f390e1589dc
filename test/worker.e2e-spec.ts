import type { INestApplicationContext } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Test } from '@nestjs/testing';
import { JobQueue } from '#queue';
import { DataSource } from 'typeorm';
import { WorkerHealthServer } from '../apps/worker/src/worker-health.server.js';
import { WorkerModule } from '../apps/worker/src/worker.module.js';
import { TestApi } from './support/api.js';
import { PeopleFactory } from './support/people.js';

describe('the worker', () => {
  let api: TestApi;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    // The API migrates the database at start; the worker never does.
    api = await TestApi.start();
    worker = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    await worker.init();
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('boots without JWT: only the API signs and checks access tokens', () => {
    // The same lookup finds the API's JwtService, so the refusal below is about the worker's module graph.
    expect(api.app.get(JwtService, { strict: false })).toBeInstanceOf(JwtService);
    expect(() => worker.get(JwtService, { strict: false })).toThrow();
  });

  it('reports PostgreSQL and Redis as up', async () => {
    await expect(worker.get(WorkerHealthServer).status()).resolves.toEqual({ status: 'ok', postgres: 'up', redis: 'up' });
  });

  it('schedules the daily purge once, however often it starts', async () => {
    const repeatable = await worker.get(JobQueue).raw.getRepeatableJobs();
    expect(repeatable.filter((job) => job.name === 'people.purge-expired-invitations')).toHaveLength(1);
  });

  it('runs a queued job on Redis: expired invitations are purged, live ones kept', async () => {
    const people = new PeopleFactory(api);
    const admin = await people.admin();
    const invite = 'mutation ($email: String!) { inviteUser(input: { email: $email, fullName: "N", role: TRAINER }) { id } }';
    const stale = await api.ok<{ inviteUser: { id: string } }>(invite, { email: 'stale@example.org' }, admin);
    const live = await api.ok<{ inviteUser: { id: string } }>(invite, { email: 'live@example.org' }, admin);
    const db = worker.get(DataSource);
    await db.query("UPDATE invitation SET expires_at = now() - interval '40 days' WHERE id = $1", [stale.inviteUser.id]);

    const queue = worker.get(JobQueue);
    const jobId = await queue.add('people.purge-expired-invitations', { graceDays: 30 });
    const job = await queue.raw.getJob(jobId);
    const outcome = await job!.finished();
    expect(outcome).toEqual({ status: 'done', detail: { deleted: 1 } });

    const remaining: { id: string }[] = await db.query('SELECT id FROM invitation WHERE id = ANY($1)', [
      [stale.inviteUser.id, live.inviteUser.id],
    ]);
    expect(remaining.map((row) => row.id)).toEqual([live.inviteUser.id]);
  });
});
