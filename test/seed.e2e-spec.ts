/**
 * The demo data that `npm run dev` loads on an empty database, which a newcomer meets first: it loads once
 * (a second run changes nothing), and each demo account finds something to do today, not only in 2021.
 * On a database of its own: the seed refuses a database that already holds programmes.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { WorkerModule } from '../apps/worker/src/worker.module.js';
import { createDatabase, dropDatabase } from '../scripts/lib/services.js';
import { seed, SeedModule } from '../scripts/seed.js';
import { TestApi } from './support/api.js';

const DEMO_PASSWORD = 'filmschool-demo';

let serverUrl: string;
let database: string;
let api: TestApi;
let worker: INestApplicationContext;
let loaded: boolean[];

beforeAll(async () => {
  const testDatabase = new URL(process.env.DATABASE_URL!);
  serverUrl = testDatabase.toString();
  database = `${testDatabase.pathname.slice(1)}_seed`;
  // Jest gives each test file its own copy of the environment: the other files keep the suite's database.
  process.env.DATABASE_URL = await createDatabase(serverUrl, database);

  const app = await NestFactory.createApplicationContext(SeedModule, { logger: false });
  try {
    loaded = [await seed(app), await seed(app)];
  } finally {
    await app.close();
  }
  api = await TestApi.start();
  worker = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
  await worker.init();
}, 180_000);

afterAll(async () => {
  await worker?.close();
  await api?.close();
  await dropDatabase(serverUrl, database);
});

describe('the demo data', () => {
  it('loads on an empty database only', () => {
    expect(loaded).toEqual([true, false]);
  });

  it('gives the demo fellow a cohort running today: coming sessions, her shared notes only, a film to upload to and her 2021 certificate', async () => {
    const token = await api.login('fellow@filmschool.local', DEMO_PASSWORD);
    const { me } = await api.ok<{ me: { fellow: { id: string; cohorts: { id: string; name: string; status: string }[] } } }>(
      '{ me { fellow { id cohorts { id name status } } } }',
      {},
      token,
    );
    const current = me.fellow.cohorts.find((cohort) => cohort.status === 'ACTIVE')!;
    expect(current).toBeDefined();
    expect(me.fellow.cohorts).toHaveLength(2);

    const data = await api.ok<{
      trainingSessions: { status: string; startsAt: string; attendance: { status: string }[] }[];
      cohortProgress: { sessionsHeld: number; atRisk: boolean }[];
      feedbackNotes: { visibility: string }[];
      fellow: { films: { title: string; stage: string; stageHistory: { toStage: string }[] }[] };
    }>(
      `query ($cohortId: ID!, $fellowId: ID!) {
        trainingSessions(cohortId: $cohortId) { status startsAt attendance { status } }
        cohortProgress(cohortId: $cohortId) { sessionsHeld atRisk }
        feedbackNotes(fellowId: $fellowId) { visibility }
        fellow(id: $fellowId) { films { title stage stageHistory { toStage } } }
      }`,
      { cohortId: current.id, fellowId: me.fellow.id },
      token,
    );
    const coming = data.trainingSessions.filter((s) => s.status === 'SCHEDULED' && Date.parse(s.startsAt) > Date.now());
    expect(coming.length).toBeGreaterThanOrEqual(3);
    expect(data.trainingSessions.filter((s) => s.status === 'HELD').every((s) => s.attendance.length === 1)).toBe(true);
    expect(data.cohortProgress).toEqual([{ sessionsHeld: 5, atRisk: false }]);
    expect(data.feedbackNotes).toEqual([{ visibility: 'SHARED' }]);
    // Seeded films walked their stages one at a time, as by hand.
    const path = ['IDEA', 'SYNOPSIS', 'SCRIPT', 'PRE_PRODUCTION', 'SHOOTING', 'EDITING', 'FINAL_CUT'];
    expect(
      data.fellow.films.map(({ title, stage, stageHistory }) => ({ title, stage, history: stageHistory.map((c) => c.toStage) })),
    ).toEqual(
      expect.arrayContaining([
        { title: 'Les semences de Koutiala', stage: 'EDITING', history: path.slice(0, 6) },
        { title: 'Lire à Koutiala', stage: 'FINAL_CUT', history: path },
      ]),
    );

    // Her 2021 graduation queued the certificate; the worker makes it.
    const certificatesOf = () =>
      api.ok<{ certificates: { cohortName: string; downloadUrl: string | null }[] }>(
        'query ($f: ID!) { certificates(fellowId: $f) { cohortName downloadUrl } }',
        { f: me.fellow.id },
        token,
      );
    let { certificates } = await certificatesOf();
    for (let tries = 0; certificates.length === 0 && tries < 60; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      ({ certificates } = await certificatesOf());
    }
    expect(certificates).toEqual([{ cohortName: 'Promotion 2021', downloadUrl: expect.stringContaining('X-Amz-Signature') }]);
  });

  it('gives the demo trainer the running cohort with a fellow at risk, and the manager every programme', async () => {
    const trainer = await api.login('trainer@filmschool.local', DEMO_PASSWORD);
    const { cohorts } = await api.ok<{ cohorts: { nodes: { id: string; status: string }[] } }>(
      '{ cohorts(first: 20) { nodes { id status } } }',
      {},
      trainer,
    );
    const current = cohorts.nodes.find((cohort) => cohort.status === 'ACTIVE')!;
    const { cohortProgress } = await api.ok<{ cohortProgress: { fellow: { fullName: string }; atRisk: boolean }[] }>(
      'query ($c: ID!) { cohortProgress(cohortId: $c) { fellow { fullName } atRisk } }',
      { c: current.id },
      trainer,
    );
    expect(cohortProgress).toHaveLength(6);
    expect(cohortProgress.filter((line) => line.atRisk).map((line) => line.fellow.fullName)).toEqual(['Zalika Garba']);

    const manager = await api.login('manager@filmschool.local', DEMO_PASSWORD);
    const { programmes } = await api.ok<{ programmes: { totalCount: number } }>('{ programmes { totalCount } }', {}, manager);
    expect(programmes.totalCount).toBe(2);
  });
});
