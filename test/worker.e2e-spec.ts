import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ModulesContainer } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { TestingModule } from '@nestjs/testing';
import { Test } from '@nestjs/testing';
import { SETTINGS, SettingsModule, type Settings } from '#core';
import {
  JOB_HANDLERS,
  JOB_NAMES,
  JobDispatcher,
  JobQueue,
  LEGACY_QUEUE_NAME,
  QUEUE_NAMES,
  QueueModule,
  type JobName,
  type JobPayloads,
  type QueueName,
} from '#queue';
import Bull from 'bull';
import { DataSource } from 'typeorm';
import { RepeatingJobs } from '../apps/worker/src/repeating-jobs.js';
import { WorkerHealthServer } from '../apps/worker/src/worker-health.server.js';
import { WorkerModule } from '../apps/worker/src/worker.module.js';
import { TestApi } from './support/api.js';
import { PeopleFactory } from './support/people.js';

describe('the worker', () => {
  let api: TestApi;
  let worker: TestingModule;
  let legacy: Bull.Queue;
  const legacyCertificate = `certificate:${randomUUID()}`;
  const abandonedCertificate = `certificate:${randomUUID()}`;
  let running: Bull.Job;

  beforeAll(async () => {
    // The API migrates the database at start; the worker never does.
    api = await TestApi.start();
    worker = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    // An upgrade from the single queue of earlier releases. It still holds a job taken by an old worker that
    // died (its lock lapsed), a job an old worker is still running (locked), a schedule, a job waiting and a job
    // delayed by an hour. The new worker finds them when it starts.
    const settings = worker.get<Settings>(SETTINGS);
    legacy = new Bull(LEGACY_QUEUE_NAME, settings.redis.url, { prefix: settings.redis.prefix, settings: { lockDuration: 600_000 } });
    await legacy.add('training.issue-certificate', { enrollmentId: randomUUID() }, { jobId: abandonedCertificate });
    const abandoned = await legacy.getNextJob();
    await legacy.client.del(abandoned!.lockKey());
    await legacy.add('films.process-asset', { assetId: randomUUID() }, { jobId: 'process:still-running' });
    running = (await legacy.getNextJob())!;
    await legacy.add(
      'screenings.send-reminders',
      {},
      { repeat: { cron: '0 7 * * *', tz: 'Africa/Bamako' }, jobId: 'repeat:screenings.send-reminders' },
    );
    await legacy.add('training.issue-certificate', { enrollmentId: randomUUID() }, { jobId: legacyCertificate, attempts: 5 });
    await legacy.add('films.expire-uploads', {}, { jobId: 'legacy:expire', delay: 3_600_000 });
    await worker.init();
  });

  afterAll(async () => {
    await worker.close();
    await legacy.close();
    await api.close();
  });

  it('boots without JWT: only the API signs and checks access tokens', () => {
    // The same lookup finds the API's JwtService, so the refusal below is about the worker's module graph.
    expect(api.app.get(JwtService, { strict: false })).toBeInstanceOf(JwtService);
    expect(() => worker.get(JwtService, { strict: false })).toThrow();
  });

  it('boots no GraphQL resolver: the worker imports no *ApiModule', () => {
    // @nestjs/graphql marks every @Resolver class with this metadata key (graphql.constants: RESOLVER_TYPE_METADATA).
    const resolversOf = (app: { get: (type: typeof ModulesContainer) => ModulesContainer }) =>
      [...app.get(ModulesContainer).values()]
        .flatMap((module) => [...module.providers.values()])
        .map((provider) => provider.metatype)
        .filter(
          (type): type is NonNullable<typeof type> => typeof type === 'function' && Reflect.hasMetadata('graphql:resolver_type', type),
        )
        .map((type) => type.name);
    // The same lookup finds the API's resolvers, so an empty answer for the worker means something.
    expect(resolversOf(api.app)).toContain('FilmsResolver');
    expect(resolversOf(worker)).toEqual([]);
  });

  it('reports PostgreSQL, Redis and the object store as up', async () => {
    await expect(worker.get(WorkerHealthServer).status()).resolves.toEqual({
      status: 'ok',
      postgres: 'up',
      redis: 'up',
      s3: 'up',
      missingSchedules: [],
    });
  });

  it('schedules each repeating job once, on the housekeeping queue, however often it starts', async () => {
    const again = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    await again.init();
    await again.close();
    const queues = worker.get(JobQueue).queues;
    const scheduled: Record<string, string[]> = {};
    for (const queue of QUEUE_NAMES) scheduled[queue] = (await queues[queue].getRepeatableJobs()).map((job) => job.name).sort();
    expect(scheduled).toEqual({
      media: [],
      documents: [],
      housekeeping: [
        'films.expire-uploads',
        'people.purge-expired-invitations',
        'screenings.send-reminders',
        'training.reconcile-certificates',
      ],
    });
  });

  it('says so when Redis lost its schedules (restarted empty), and registers them again', async () => {
    const housekeeping = worker.get(JobQueue).queues.housekeeping;
    // What a Redis restarted without its data holds of the schedules: nothing.
    for (const job of await housekeeping.getRepeatableJobs()) await housekeeping.removeRepeatableByKey(job.key);
    const health = worker.get(WorkerHealthServer);
    await expect(health.status()).resolves.toMatchObject({
      status: 'error',
      redis: 'up',
      missingSchedules: expect.arrayContaining(['screenings.send-reminders']),
    });
    // What the worker's minute check does.
    const restored = await worker.get(RepeatingJobs).restoreMissing();
    expect(restored.sort()).toEqual([
      'films.expire-uploads',
      'people.purge-expired-invitations',
      'screenings.send-reminders',
      'training.reconcile-certificates',
    ]);
    await expect(health.status()).resolves.toMatchObject({ status: 'ok', missingSchedules: [] });
    expect((await housekeeping.getRepeatableJobs()).length).toBe(4);
  });

  it('stops with the reason when its health port is taken by another worker', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    const previous = process.env.WORKER_HEALTH_PORT;
    process.env.WORKER_HEALTH_PORT = String((taken.address() as AddressInfo).port);
    const second = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    try {
      await expect(second.init()).rejects.toThrow(/health port \d+ is taken.*WORKER_HEALTH_PORT/);
    } finally {
      process.env.WORKER_HEALTH_PORT = previous;
      await second.close().catch(() => undefined);
      taken.close();
    }
  });

  it('runs the final-failure handling of a job Bull failed on its own (stalled too often), tries unused', async () => {
    const finals: string[] = [];
    const handlers = JOB_NAMES.map((jobName) => ({
      jobName,
      handle: async () => ({ status: 'done' as const }),
      onFinalFailure: async (_payload: unknown, error: Error) => {
        finals.push(`${jobName}: ${error.message}`);
      },
    }));
    // A dispatcher of its own, never started: the suite's worker keeps its processors.
    const dispatcherModule = await Test.createTestingModule({
      imports: [SettingsModule, QueueModule],
      providers: [JobDispatcher, { provide: JOB_HANDLERS, useValue: handlers }],
    }).compile();
    const settings = worker.get<Settings>(SETTINGS);
    const scratch = new Bull(`stall-${randomUUID()}`, settings.redis.url, { prefix: settings.redis.prefix });
    try {
      await scratch.add('films.process-asset', { assetId: randomUUID() }, { attempts: 3 });
      const job = (await scratch.getNextJob())!;
      // What Bull's stalled check does to a job whose worker died more often than maxStalledCount allows.
      job.discard();
      const stalled = new Error('job stalled more than allowable limit');
      await job.moveToFailed(stalled, true);
      expect(await job.isFailed()).toBe(true);
      expect(job.attemptsMade).toBeLessThan(3);
      await dispatcherModule.get(JobDispatcher).failed(job as never, stalled);
      expect(finals).toEqual(['films.process-asset: job stalled more than allowable limit']);
    } finally {
      await scratch.obliterate({ force: true }).catch(() => undefined);
      await scratch.close();
      await dispatcherModule.close();
    }
  });

  it('empties the old single queue at start: its schedules removed, its waiting, delayed and abandoned jobs moved', async () => {
    expect(await legacy.getRepeatableJobs()).toEqual([]);
    expect(await legacy.getJobCounts()).toMatchObject({ waiting: 0, delayed: 0, paused: 0, active: 1 });
    // The job an old worker still runs stays with it.
    expect(await (await legacy.getJob('process:still-running'))!.getState()).toBe('active');
    expect(await worker.get(JobQueue).getJob('films.process-asset', 'process:still-running')).toBeNull();

    const jobs = worker.get(JobQueue);
    for (const id of [legacyCertificate, abandonedCertificate]) {
      const certificate = await jobs.getJob('training.issue-certificate', id);
      await expect(certificate!.finished()).resolves.toEqual({ status: 'skipped', reason: 'the enrollment no longer exists' });
      expect(certificate!.queue.name).toBe('documents');
    }

    const expire = await jobs.getJob('films.expire-uploads', 'legacy:expire');
    expect(expire!.queue.name).toBe('housekeeping');
    expect(await expire!.getState()).toBe('delayed');
    // Still about an hour to wait, counted from when it was first queued, not from the move.
    expect(expire!.opts.delay).toBeGreaterThan(3_500_000);
    expect(expire!.opts.delay).toBeLessThanOrEqual(3_600_000);
    await expire!.remove();
    await legacy.client.del(running.lockKey());
    await running.remove();
  });

  it('puts each job on the queue of its workload', async () => {
    const jobs = worker.get(JobQueue);
    const payloads: { [N in JobName]: JobPayloads[N] } = {
      'people.purge-expired-invitations': { graceDays: 30 },
      'training.issue-certificate': { enrollmentId: randomUUID() },
      'training.reconcile-certificates': {},
      'films.process-asset': { assetId: randomUUID() },
      'films.expire-uploads': {},
      'screenings.send-reminders': {},
      'reports.render-document': { documentId: randomUUID() },
      'reports.render-export': { documentId: randomUUID() },
    };
    const foundOn: Record<string, QueueName[]> = {};
    for (const name of JOB_NAMES) {
      // Delayed, so that nothing runs: only where the job landed matters here.
      const id = await jobs.add(name, payloads[name], { jobId: `routing:${name}`, delay: 3_600_000 });
      foundOn[name] = [];
      for (const queue of QUEUE_NAMES) if (await jobs.queues[queue].getJob(id)) foundOn[name].push(queue);
      await (await jobs.getJob(name, id))!.remove();
    }
    expect(foundOn).toEqual({
      'people.purge-expired-invitations': ['housekeeping'],
      'training.issue-certificate': ['documents'],
      'training.reconcile-certificates': ['housekeeping'],
      'films.process-asset': ['media'],
      'films.expire-uploads': ['housekeeping'],
      'screenings.send-reminders': ['housekeeping'],
      'reports.render-document': ['documents'],
      'reports.render-export': ['documents'],
    });
  });

  it('issues a certificate while the media queue is held up', async () => {
    const jobs = worker.get(JobQueue);
    const media = jobs.queues.media;
    // Paused for every worker: no encode starts, as when all the media slots are taken by long encodes.
    // With one queue for everything, the certificate below would wait behind it.
    await media.pause();
    try {
      const encode = await jobs.add('films.process-asset', { assetId: randomUUID() });

      const people = new PeopleFactory(api);
      const admin = await people.admin();
      const cohortId = await people.cohort(await people.programme());
      const fellowId = await people.fellow({ fullName: 'Awa Certified' });
      await people.enroll(cohortId, fellowId);
      const graduate = 'mutation ($c: ID!, $f: ID!) { setEnrollmentStatus(cohortId: $c, fellowId: $f, status: GRADUATED) { id } }';
      const { setEnrollmentStatus } = await api.ok<{ setEnrollmentStatus: { id: string } }>(graduate, { c: cohortId, f: fellowId }, admin);

      const certificate = await jobs.getJob('training.issue-certificate', `certificate:${setEnrollmentStatus.id}`);
      await expect(certificate!.finished()).resolves.toEqual({ status: 'done', detail: { code: expect.any(String) } });
      const rows = await worker.get(DataSource).query('SELECT 1 FROM certificate WHERE enrollment_id = $1', [setEnrollmentStatus.id]);
      expect(rows).toHaveLength(1);
      const held = await jobs.getJob('films.process-asset', encode);
      expect(await held!.getState()).toBe('paused');

      await media.resume();
      await expect(held!.finished()).resolves.toEqual({ status: 'skipped', reason: 'the asset no longer exists' });
    } finally {
      await media.resume();
    }
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
    const job = await queue.getJob('people.purge-expired-invitations', jobId);
    const outcome = await job!.finished();
    expect(outcome).toEqual({ status: 'done', detail: { deleted: 1 } });

    const remaining: { id: string }[] = await db.query('SELECT id FROM invitation WHERE id = ANY($1)', [
      [stale.inviteUser.id, live.inviteUser.id],
    ]);
    expect(remaining.map((row) => row.id)).toEqual([live.inviteUser.id]);
  });
});
