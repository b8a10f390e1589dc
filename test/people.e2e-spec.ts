import { SqlStatementCounter } from '#core';
import { TestApi } from './support/api.js';
import { PeopleFactory } from './support/people.js';

const COHORT = 'query ($id: ID!) { cohort(id: $id) { id name fellows { id } trainers { id } programme { id } } }';
const FELLOW = 'query ($id: ID!) { fellow(id: $id) { id fullName email cohorts { id } } }';

describe('programmes, cohorts and fellows', () => {
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

  describe('authorization', () => {
    let programme: string;
    let cohortA: string;
    let cohortB: string;
    let trainerA: { id: string; token: string };
    let trainerB: { id: string; token: string };
    let fellowA: string;
    let fellowB: string;
    let fellowAccount: { token: string };

    beforeAll(async () => {
      programme = await people.programme('Films for accountability');
      cohortA = await people.cohort(programme, { name: 'Bamako 2021' });
      cohortB = await people.cohort(programme, { name: 'Niamey 2021' });
      trainerA = await people.account('TRAINER');
      trainerB = await people.account('TRAINER');
      await people.assignTrainer(cohortA, trainerA.id);
      await people.assignTrainer(cohortB, trainerB.id);
      fellowA = await people.fellow({ fullName: 'Aminata A', email: 'aminata@example.org' });
      fellowB = await people.fellow({ fullName: 'Boubacar B', gender: 'MALE', country: 'NE', city: 'Niamey', region: 'Niamey' });
      await people.enroll(cohortA, fellowA);
      await people.enroll(cohortB, fellowB);
      fellowAccount = await people.account('FELLOW', fellowA);
    });

    it('lets a trainer see the cohorts assigned to them and their fellows, and no other', async () => {
      const list = await api.ok<{ cohorts: { nodes: { id: string }[]; totalCount: number } }>(
        '{ cohorts { nodes { id } totalCount } }',
        {},
        trainerA.token,
      );
      expect(list.cohorts.nodes.map((c) => c.id)).toEqual([cohortA]);
      expect(list.cohorts.totalCount).toBe(1);

      const own = await api.ok<{ cohort: { fellows: { id: string }[]; trainers: { id: string }[] } }>(
        COHORT,
        { id: cohortA },
        trainerA.token,
      );
      expect(own.cohort.fellows.map((f) => f.id)).toEqual([fellowA]);
      expect(own.cohort.trainers.map((t) => t.id)).toEqual([trainerA.id]);

      expect(await api.errorCode(COHORT, { id: cohortB }, trainerA.token)).toBe('FORBIDDEN');
      expect(await api.errorCode(FELLOW, { id: fellowB }, trainerA.token)).toBe('FORBIDDEN');
      const fellows = await api.ok<{ fellows: { nodes: { id: string }[] } }>('{ fellows { nodes { id } } }', {}, trainerA.token);
      expect(fellows.fellows.nodes.map((f) => f.id)).toEqual([fellowA]);
    });

    it('lets a fellow see their own profile and cohorts, not another fellow', async () => {
      const own = await api.ok<{ fellow: { fullName: string; email: string; cohorts: { id: string }[] } }>(
        FELLOW,
        { id: fellowA },
        fellowAccount.token,
      );
      expect(own.fellow).toMatchObject({ fullName: 'Aminata A', email: 'aminata@example.org', cohorts: [{ id: cohortA }] });
      expect(await api.errorCode(FELLOW, { id: fellowB }, fellowAccount.token)).toBe('FORBIDDEN');
      expect(await api.errorCode(COHORT, { id: cohortB }, fellowAccount.token)).toBe('FORBIDDEN');
      const programmes = await api.ok<{ programmes: { nodes: { id: string; cohorts: { id: string }[] }[] } }>(
        '{ programmes { nodes { id cohorts { id } } } }',
        {},
        fellowAccount.token,
      );
      expect(programmes.programmes.nodes).toEqual([{ id: programme, cohorts: [{ id: cohortA }] }]);
    });

    it('lets managers and admins see everything, and only them change anything', async () => {
      const manager = await people.account('PROGRAMME_MANAGER');
      const seen = await api.ok<{ cohort: { fellows: { id: string }[] } }>(COHORT, { id: cohortB }, manager.token);
      expect(seen.cohort.fellows.map((f) => f.id)).toEqual([fellowB]);

      const create = 'mutation { createProgramme(input: { name: "Mine" }) { id } }';
      expect(await api.errorCode(create, {}, trainerA.token)).toBe('FORBIDDEN');
      expect(await api.errorCode(create, {}, fellowAccount.token)).toBe('FORBIDDEN');
      expect(await api.errorCode(create)).toBe('UNAUTHENTICATED');
      const enroll = 'mutation ($c: ID!, $f: ID!) { enrollFellow(cohortId: $c, fellowId: $f) { id } }';
      expect(await api.errorCode(enroll, { c: cohortA, f: fellowB }, trainerA.token)).toBe('FORBIDDEN');
    });
  });

  describe('validation', () => {
    it('refuses empty names, unknown countries and dates out of order', async () => {
      const programme = await api.gql('mutation { createProgramme(input: { name: "   ", countries: ["ML", "XX"] }) { id } }', {}, admin);
      expect(programme.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(programme.errors?.[0].message).toContain('name must not be empty');
      expect(programme.errors?.[0].message).toContain('ISO 3166-1 alpha-2');

      const fellow = await api.gql(
        'mutation { createFellow(input: { fullName: "Kadia", gender: FEMALE, country: "Mali" }) { id } }',
        {},
        admin,
      );
      expect(fellow.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');

      const programmeId = await people.programme();
      const cohort = await api.gql(
        'mutation ($input: CreateCohortInput!) { createCohort(input: $input) { id } }',
        { input: { programmeId, name: 'Backwards', startDate: '2021-06-01', endDate: '2021-05-01' } },
        admin,
      );
      expect(cohort.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_DATES' });
      const badDate = await api.gql(
        'mutation ($input: CreateCohortInput!) { createCohort(input: $input) { id } }',
        { input: { programmeId, name: 'Bad', startDate: '2021-02-30' } },
        admin,
      );
      expect(badDate.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    });

    it('refuses enrolling a fellow twice and assigning someone who is not a trainer', async () => {
      const cohortId = await people.cohort(await people.programme());
      const fellowId = await people.fellow();
      await people.enroll(cohortId, fellowId);
      const twice = await api.gql(
        'mutation ($c: ID!, $f: ID!) { enrollFellow(cohortId: $c, fellowId: $f) { id } }',
        { c: cohortId, f: fellowId },
        admin,
      );
      expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'FELLOW_ALREADY_ENROLLED' });

      const manager = await people.account('PROGRAMME_MANAGER');
      const notTrainer = await api.gql(
        'mutation ($c: ID!, $u: ID!) { assignTrainer(cohortId: $c, userId: $u) { id } }',
        { c: cohortId, u: manager.id },
        admin,
      );
      expect(notTrainer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_A_TRAINER' });

      const missing = await api.gql('{ cohort(id: "not-an-id") { id } }', {}, admin);
      expect(missing.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    });

    it('updates and archives as a manager would expect', async () => {
      const programmeId = await people.programme();
      const cohortId = await people.cohort(programmeId);
      const updated = await api.ok<{ updateCohort: { status: string; endDate: string } }>(
        'mutation ($id: ID!) { updateCohort(id: $id, input: { status: ACTIVE, endDate: "2021-12-15" }) { status endDate } }',
        { id: cohortId },
        admin,
      );
      expect(updated.updateCohort).toEqual({ status: 'ACTIVE', endDate: '2021-12-15' });
      await api.ok('mutation ($id: ID!) { archiveProgramme(id: $id) { id } }', { id: programmeId }, admin);
      const listed = await api.ok<{ cohorts: { nodes: { id: string }[] } }>(
        'query ($p: ID!) { cohorts(filter: { programmeId: $p }) { nodes { id } } }',
        { p: programmeId },
        admin,
      );
      expect(listed.cohorts.nodes).toEqual([]);
      const enroll = await api.gql(
        'mutation ($c: ID!, $f: ID!) { enrollFellow(cohortId: $c, fellowId: $f) { id } }',
        { c: cohortId, f: await people.fellow() },
        admin,
      );
      expect(enroll.errors?.[0].extensions.reason).toBe('ARCHIVED');
    });
  });

  describe('lists', () => {
    it('pages through fellows with cursors, filters them, and refuses pages over 100', async () => {
      const cohortId = await people.cohort(await people.programme());
      const ids: string[] = [];
      for (let i = 0; i < 5; i += 1) {
        const id = await people.fellow({ fullName: `Paged ${i}`, gender: i % 2 ? 'MALE' : 'FEMALE', region: 'Tombouctou' });
        await people.enroll(cohortId, id);
        ids.push(id);
      }
      const page =
        'query ($after: String, $c: ID!) { fellows(first: 2, after: $after, filter: { cohortId: $c }) { nodes { id } totalCount pageInfo { hasNextPage endCursor } } }';
      const seen: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 5; pages += 1) {
        const data: { fellows: { nodes: { id: string }[]; totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string } } } =
          await api.ok(page, { after, c: cohortId }, admin);
        expect(data.fellows.totalCount).toBe(5);
        expect(data.fellows.nodes.length).toBeLessThanOrEqual(2);
        seen.push(...data.fellows.nodes.map((n) => n.id));
        if (!data.fellows.pageInfo.hasNextPage) break;
        after = data.fellows.pageInfo.endCursor;
      }
      expect(seen).toEqual(ids);

      const women = await api.ok<{ fellows: { totalCount: number } }>(
        'query ($c: ID!) { fellows(filter: { cohortId: $c, gender: FEMALE, region: "tombouctou", search: "paged" }) { totalCount } }',
        { c: cohortId },
        admin,
      );
      expect(women.fellows.totalCount).toBe(3);

      expect(await api.errorCode('{ fellows(first: 101) { totalCount } }', {}, admin)).toBe('BAD_USER_INPUT');
      expect(await api.errorCode('{ fellows(after: "garbage") { totalCount } }', {}, admin)).toBe('BAD_USER_INPUT');
    });

    it('runs as many SQL statements for 50 cohorts with their relations as for 5', async () => {
      const programmeId = await people.programme();
      const trainer = await people.account('TRAINER');
      for (let i = 0; i < 50; i += 1) {
        const cohortId = await people.cohort(programmeId);
        await people.assignTrainer(cohortId, trainer.id);
        await people.enroll(cohortId, await people.fellow());
      }
      const query =
        'query ($n: Int!, $p: ID!) { cohorts(first: $n, filter: { programmeId: $p }) { nodes { programme { name } fellows { fullName } trainers { fullName } } } }';
      const statementsFor = async (n: number): Promise<number> => {
        const before = SqlStatementCounter.count;
        const data = await api.ok<{ cohorts: { nodes: { fellows: unknown[]; trainers: unknown[] }[] } }>(
          query,
          { n, p: programmeId },
          admin,
        );
        expect(data.cohorts.nodes).toHaveLength(n);
        expect(data.cohorts.nodes.map((c) => [c.fellows.length, c.trainers.length])).toEqual(Array(n).fill([1, 1]));
        return SqlStatementCounter.count - before;
      };
      const forFive = await statementsFor(5);
      expect(await statementsFor(50)).toBe(forFive);
      // authenticate + count + page + one per relation
      expect(forFive).toBe(6);
    });

    it('refuses a query past the depth or cost limits before any SQL runs', async () => {
      const deep =
        '{ cohorts { nodes { programme { cohorts { programme { cohorts { programme { cohorts { programme { cohorts { programme { cohorts { programme { name } } } } } } } } } } } } } }';
      const before = SqlStatementCounter.count;
      const response = await api.gql(deep, {}, admin);
      expect(response.errors?.[0].message).toMatch(/exceeds maximum operation depth/);
      const costly =
        '{ a: fellows(first: 100) { nodes { cohorts { fellows { cohorts { fellows { id fullName city region } } } } } } b: cohorts(first: 100) { nodes { fellows { cohorts { fellows { cohorts { id name } } } } } } }';
      const tooCostly = await api.gql(costly, {}, admin);
      expect(tooCostly.errors?.[0].message).toMatch(/too complex/);
      expect(SqlStatementCounter.count - before).toBe(0);
    });
  });

  describe('the user directory', () => {
    it('lets a manager find a trainer by part of her name or e-mail and role, with the cohorts she trains; a trainer is refused', async () => {
      const trainer = await people.account('TRAINER');
      const cohortId = await people.cohort(await people.programme());
      await people.assignTrainer(cohortId, trainer.id);
      const manager = await people.account('PROGRAMME_MANAGER');
      const USERS =
        'query ($filter: UserFilter) { users(first: 50, filter: $filter) { totalCount nodes { id fullName email role cohorts { id } } } }';
      type Users = { users: { totalCount: number; nodes: { id: string; email: string; role: string; cohorts: { id: string }[] }[] } };

      const byEmail = await api.ok<Users>(USERS, { filter: { search: trainer.email.slice(0, 14).toUpperCase() } }, manager.token);
      expect(byEmail.users.nodes).toEqual([
        { id: trainer.id, fullName: 'Test TRAINER', email: trainer.email, role: 'TRAINER', cohorts: [{ id: cohortId }] },
      ]);
      const trainers = await api.ok<Users>(USERS, { filter: { role: 'TRAINER' } }, manager.token);
      expect(trainers.users.nodes.every((user) => user.role === 'TRAINER')).toBe(true);
      expect(trainers.users.nodes.map((user) => user.id)).toContain(trainer.id);
      // A search is text, not a pattern: % and _ match only themselves.
      expect((await api.ok<Users>(USERS, { filter: { search: '%' } }, manager.token)).users.totalCount).toBe(0);

      const refused = await api.gql(USERS, {}, trainer.token);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    });
  });

  describe('CSV import and export', () => {
    const IMPORT =
      'mutation ($c: ID!, $csv: String!) { importFellows(cohortId: $c, csv: $csv) { created matched enrolled errors { line reason } } }';
    const csv = (rows: string[]) => ['Nom;Sexe;Pays;Ville;Région;Téléphone;Courriel', ...rows].join('\r\n');
    const good = [
      'Awa Sidibé;F;Mali;Kati;Koulikoro;+223 70 00 00 01;awa.sidibe@example.org',
      '"Traoré, Binta";Femme;ML;Ségou;Ségou;;',
      'Oumarou Issa;H;Niger;Zinder;Zinder;+227 90 00 00 02;',
    ];

    it('stores nothing when one row is bad, and names that row', async () => {
      const cohortId = await people.cohort(await people.programme());
      const result = await api.ok<{ importFellows: { created: number; errors: { line: number; reason: string }[] } }>(
        IMPORT,
        { c: cohortId, csv: csv([...good.slice(0, 2), 'Kadi;X;Atlantide;;;;', good[2]]) },
        admin,
      );
      expect(result.importFellows.created).toBe(0);
      expect(result.importFellows.errors).toEqual([
        { line: 4, reason: expect.stringMatching(/"X" is not a gender.*"Atlantide" is not a country/) },
      ]);
      const listed = await api.ok<{ fellows: { totalCount: number } }>(
        'query ($c: ID!) { fellows(filter: { cohortId: $c }) { totalCount } }',
        { c: cohortId },
        admin,
      );
      expect(listed.fellows.totalCount).toBe(0);
    });

    it('refuses a file saved as Latin-1, naming the lines whose accents came out unreadable, and stores nothing', async () => {
      const cohortId = await people.cohort(await people.programme());
      // What a browser or a client reading the file as UTF-8 sends: each é of "Ségou" became U+FFFD.
      const latin1 = new TextDecoder().decode(Buffer.from(csv(good), 'latin1'));
      const result = await api.ok<{ importFellows: { created: number; errors: { line: number; reason: string }[] } }>(
        IMPORT,
        { c: cohortId, csv: latin1 },
        admin,
      );
      expect(result.importFellows.created).toBe(0);
      expect(result.importFellows.errors.map((error) => error.line)).toEqual([1, 2, 3]);
      expect(result.importFellows.errors[0].reason).toContain('CSV UTF-8');
    });

    it('refuses a row longer than the form would take, naming the field, and stores nothing', async () => {
      const cohortId = await people.cohort(await people.programme());
      const result = await api.ok<{ importFellows: { created: number; errors: { line: number; reason: string }[] } }>(
        IMPORT,
        { c: cohortId, csv: csv([good[0], `${'N'.repeat(201)};F;ML;${'K'.repeat(121)};;;`]) },
        admin,
      );
      expect(result.importFellows.created).toBe(0);
      expect(result.importFellows.errors).toEqual([
        { line: 3, reason: 'the fullName is longer than 200 characters; the city is longer than 120 characters' },
      ]);
    });

    it('makes no duplicates when the same file is imported twice, and exports what it imported', async () => {
      const cohortId = await people.cohort(await people.programme());
      const first = await api.ok<{ importFellows: Record<string, unknown> }>(IMPORT, { c: cohortId, csv: csv(good) }, admin);
      expect(first.importFellows).toEqual({ created: 3, matched: 0, enrolled: 3, errors: [] });
      const second = await api.ok<{ importFellows: Record<string, unknown> }>(IMPORT, { c: cohortId, csv: csv(good) }, admin);
      expect(second.importFellows).toEqual({ created: 0, matched: 3, enrolled: 0, errors: [] });

      const exported = await api.ok<{ exportFellowsCsv: string }>(
        'query ($c: ID!) { exportFellowsCsv(cohortId: $c) }',
        { c: cohortId },
        admin,
      );
      const other = await people.cohort(await people.programme());
      const again = await api.ok<{ importFellows: Record<string, unknown> }>(IMPORT, { c: other, csv: exported.exportFellowsCsv }, admin);
      expect(again.importFellows).toEqual({ created: 0, matched: 3, enrolled: 3, errors: [] });
    });
  });
});
