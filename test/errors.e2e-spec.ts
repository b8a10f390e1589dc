import { randomUUID } from 'node:crypto';
import { DataSource, type QueryRunner } from 'typeorm';
import { TestApi, type GraphqlResponse } from './support/api.js';
import { draftFilm } from './support/films.js';
import { PeopleFactory } from './support/people.js';

const CREATE_FELLOW = 'mutation ($input: CreateFellowInput!) { createFellow(input: $input) { id } }';
const ENTER = 'mutation ($f: ID!, $e: ID!) { createFestivalEntry(input: { filmId: $f, editionId: $e }) { id } }';

/** How long the race may take to line up before the test gives up and fails. */
const LINE_UP_MS = 10_000;

/**
 * Sends `requests` while this test holds a SHARE lock on `table`: reads go through, writes queue behind it. Once
 * `writers` writes wait, `beforeRelease` runs in the lock's transaction and the lock goes, so every request has
 * passed the service's own checks before any of them writes. The race happens on every run, not by luck.
 */
async function lineUpWrites<T>(
  db: DataSource,
  table: string,
  writers: number,
  requests: () => Promise<T>,
  beforeRelease?: (lock: QueryRunner) => Promise<void>,
): Promise<T> {
  const lock = db.createQueryRunner();
  await lock.connect();
  let pending: Promise<T> | undefined;
  try {
    await lock.startTransaction();
    await lock.query(`LOCK TABLE ${table} IN SHARE MODE`);
    pending = requests();
    const deadline = Date.now() + LINE_UP_MS;
    while ((await waitingWrites(db, table)) < writers) {
      if (Date.now() > deadline) throw new Error(`Fewer than ${writers} writes to ${table} waited for the lock`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await beforeRelease?.(lock);
    await lock.commitTransaction();
  } catch (error) {
    if (lock.isTransactionActive) await lock.rollbackTransaction();
    await pending?.catch(() => undefined);
    throw error;
  } finally {
    await lock.release();
  }
  return pending;
}

async function waitingWrites(db: DataSource, table: string): Promise<number> {
  const [{ count }] = await db.query(
    `SELECT count(*)::int AS count FROM pg_locks
      WHERE relation = $1::regclass AND NOT granted
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    [table],
  );
  return count as number;
}

async function count(db: DataSource, sql: string, parameters: unknown[]): Promise<number> {
  const [row] = await db.query(`SELECT count(*)::int AS count FROM ${sql}`, parameters);
  return row.count as number;
}

describe('errors from the database', () => {
  let api: TestApi;
  let people: PeopleFactory;
  let admin: string;
  let db: DataSource;

  beforeAll(async () => {
    api = await TestApi.start();
    people = new PeopleFactory(api);
    admin = await people.admin();
    db = api.app.get(DataSource);
  });

  afterAll(async () => {
    await api.close();
  });

  it('answers the loser of two identical creates at once with CONFLICT naming the constraint, and stores one row', async () => {
    const email = `race-${randomUUID().slice(0, 8)}@example.org`;
    const fullName = `Race ${randomUUID().slice(0, 8)}`;
    const input = { fullName, gender: 'FEMALE', country: 'ML', email };

    const responses = await lineUpWrites(db, 'fellow', 2, () =>
      Promise.all([api.gql<{ createFellow: { id: string } }>(CREATE_FELLOW, { input }, admin), api.gql(CREATE_FELLOW, { input }, admin)]),
    );

    const created = responses.filter((response) => !response.errors);
    const refused = responses.filter((response) => response.errors);
    expect(created).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const [failure] = refused[0].errors!;
    // ALREADY_EXISTS, not the service's EMAIL_TAKEN: both passed the look-up and the unique index decided.
    expect(failure.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_EXISTS', constraint: 'uq_fellow_email' });
    expect(failure.message).toContain('uq_fellow_email');
    expect(JSON.stringify(failure)).not.toContain(email);
    expect(JSON.stringify(failure)).not.toContain(fullName);
    expect(refused[0].data).toBeNull();

    const winner = (created[0] as GraphqlResponse<{ createFellow: { id: string } }>).data!.createFellow.id;
    expect(await count(db, 'fellow WHERE full_name = $1', [fullName])).toBe(1);
    expect(await count(db, 'fellow WHERE email = $1 AND id = $2', [email, winner])).toBe(1);

    // Without a race, the service's own check still answers first, with its own reason.
    const again = await api.gql(CREATE_FELLOW, { input }, admin);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TAKEN' });
  });

  it('answers a request whose database connection was cut with SERVICE_UNAVAILABLE and retryable (not a final INTERNAL_SERVER_ERROR), then serves the next', async () => {
    const lock = db.createQueryRunner();
    await lock.connect();
    let pending: Promise<GraphqlResponse> | undefined;
    try {
      await lock.startTransaction();
      await lock.query('LOCK TABLE programme IN ACCESS EXCLUSIVE MODE');
      pending = api.gql('{ programmes { totalCount } }', {}, admin);
      // The API's connection waits on the lock: cut it, as a restarting or failing-over PostgreSQL would.
      const deadline = Date.now() + LINE_UP_MS;
      let cut = 0;
      while (cut === 0) {
        if (Date.now() > deadline) throw new Error('The request never reached the database');
        const [{ count }] = await lock.query(
          `SELECT count(pg_terminate_backend(pid))::int AS count FROM pg_locks
            WHERE relation = 'programme'::regclass AND NOT granted AND pid <> pg_backend_pid()
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        );
        cut = count as number;
        if (cut === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const response = await pending;
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
    } finally {
      if (lock.isTransactionActive) await lock.rollbackTransaction();
      await lock.release();
      await pending?.catch(() => undefined);
    }
    const again = await api.ok<{ programmes: { totalCount: number } }>('{ programmes { totalCount } }', {}, admin);
    expect(again.programmes.totalCount).toBeGreaterThanOrEqual(0);
  });

  it('answers NOT_FOUND when a referenced row disappears between the check and the insert, leaving nothing half-written', async () => {
    const filmId = await draftFilm(api, people, `Race film ${randomUUID().slice(0, 6)}`);
    const { createFestival } = await api.ok<{ createFestival: { id: string } }>(
      'mutation ($name: String!) { createFestival(input: { name: $name, country: "bf" }) { id } }',
      { name: `Festival ${randomUUID().slice(0, 6)}` },
      admin,
    );
    const { createFestivalEdition } = await api.ok<{ createFestivalEdition: { id: string } }>(
      'mutation ($f: ID!) { createFestivalEdition(input: { festivalId: $f, year: 2023 }) { id } }',
      { f: createFestival.id },
      admin,
    );
    const editionId = createFestivalEdition.id;

    // The entry's insert and its first status change are one transaction: the refused insert must take both back.
    const response = await lineUpWrites(
      db,
      'festival_entry',
      1,
      () => api.gql(ENTER, { f: filmId, e: editionId }, admin),
      (lock) => lock.query('DELETE FROM festival_edition WHERE id = $1', [editionId]),
    );

    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'REFERENCE_NOT_FOUND',
      constraint: 'fk_festival_entry_edition',
    });
    expect(response.errors?.[0].message).not.toContain(editionId);
    expect(await count(db, 'festival_entry WHERE film_id = $1', [filmId])).toBe(0);
    expect(await count(db, 'entry_status_change c WHERE NOT EXISTS (SELECT 1 FROM festival_entry e WHERE e.id = c.entry_id)', [])).toBe(0);
  });
});

describe('values that are not what they say', () => {
  let api: TestApi;
  let people: PeopleFactory;
  let admin: string;

  beforeAll(async () => {
    api = await TestApi.start();
    people = new PeopleFactory(api);
    admin = await people.admin();
  });

  afterAll(async () => {
    await api.close();
  });

  it('refuses an instant that does not exist (30 February, 25 o’clock) instead of rolling it over, in a variable or written in the query', async () => {
    const cohortId = await people.cohort(await people.programme(), { startDate: '2026-01-05', endDate: '2026-06-30' });
    const CREATE = 'mutation ($input: CreateTrainingSessionInput!) { createTrainingSession(input: $input) { id startsAt } }';
    const input = (startsAt: string) => ({ input: { cohortId, title: 'Cadrage', startsAt, endsAt: '2026-03-03T12:00:00Z' } });
    for (const startsAt of ['2026-02-30T09:00:00Z', '2026-03-02T25:00:00Z', '2026-03-02 09:00', 'mardi', '']) {
      const response = await api.gql(CREATE, input(startsAt), admin);
      expect({ startsAt, code: response.errors?.[0].extensions.code, status: response.status }).toEqual({
        startsAt,
        code: 'BAD_USER_INPUT',
        status: 400,
      });
    }
    const literal = await api.gql(
      `mutation { createTrainingSession(input: { cohortId: "${cohortId}", title: "Son", startsAt: "2026-02-30T09:00:00Z", endsAt: "2026-03-03T12:00:00Z" }) { id } }`,
      {},
      admin,
    );
    expect(literal.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(literal.errors?.[0].message).toContain('2026-02-30T09:00:00Z');
    const { trainingSessions } = await api.ok<{ trainingSessions: unknown[] }>(
      'query ($c: ID!) { trainingSessions(cohortId: $c) { id } }',
      { c: cohortId },
      admin,
    );
    expect(trainingSessions).toEqual([]);

    // An offset other than Z is the same instant, kept as such.
    const ok = await api.ok<{ createTrainingSession: { startsAt: string } }>(CREATE, input('2026-03-03T10:00:00+01:00'), admin);
    expect(ok.createTrainingSession.startsAt).toBe('2026-03-03T09:00:00.000Z');
  });

  it('answers a date that does not exist in a variable with BAD_USER_INPUT, not a server error', async () => {
    const response = await api.gql(
      'query ($from: Date!, $to: Date!) { impactReport(from: $from, to: $to) { awards } }',
      { from: '2026-02-30', to: 'x' },
      admin,
    );
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
