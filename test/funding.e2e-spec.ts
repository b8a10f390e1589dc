import { randomUUID } from 'node:crypto';
import { SqlStatementCounter } from '#core';
import { TestApi } from './support/api.js';
import { PeopleFactory } from './support/people.js';

const CREATE_FUNDER = 'mutation ($n: String!) { createFunder(input: { name: $n, kind: FOUNDATION }) { id name } }';

describe('funding', () => {
  let api: TestApi;
  let people: PeopleFactory;
  let admin: string;

  const funder = async (): Promise<string> =>
    (await api.ok<{ createFunder: { id: string } }>(CREATE_FUNDER, { n: `Fondation ${randomUUID().slice(0, 8)}` }, admin)).createFunder.id;

  beforeAll(async () => {
    api = await TestApi.start();
    people = new PeopleFactory(api);
    admin = await people.admin();
  });

  afterAll(async () => {
    await api.close();
  });

  it('runs as many SQL statements for 20 grants with their funder and programmes as for 2', async () => {
    const programmes = [await people.programme(), await people.programme()];
    const grantsOf = async (n: number): Promise<string> => {
      const funderId = await funder();
      for (let i = 0; i < n; i += 1) {
        await api.ok(
          'mutation ($input: CreateGrantInput!) { createGrant(input: $input) { id } }',
          {
            input: {
              funderId,
              title: `Subvention ${i}`,
              amount: 1000 + i,
              startDate: '2024-01-01',
              endDate: '2024-12-31',
              programmeIds: programmes,
            },
          },
          admin,
        );
      }
      return funderId;
    };
    const query = 'query ($f: String) { grants(funderId: $f) { title funder { name kind } programmes } }';
    const statementsFor = async (funderId: string, n: number): Promise<number> => {
      const before = SqlStatementCounter.count;
      const { grants } = await api.ok<{ grants: { funder: { kind: string }; programmes: string[] }[] }>(query, { f: funderId }, admin);
      expect(grants).toHaveLength(n);
      expect(grants.every((g) => g.funder.kind === 'FOUNDATION' && g.programmes.length === 2)).toBe(true);
      return SqlStatementCounter.count - before;
    };
    const forTwo = await statementsFor(await grantsOf(2), 2);
    expect(await statementsFor(await grantsOf(20), 20)).toBe(forTwo);
    // authenticate + grants + one per relation
    expect(forTwo).toBe(4);
  });

  it('answers CONFLICT when a funder of that name exists, even when both requests arrive at once', async () => {
    const name = `Ambassade ${randomUUID().slice(0, 8)}`;
    const [first, second] = await Promise.all([api.gql(CREATE_FUNDER, { n: name }, admin), api.gql(CREATE_FUNDER, { n: name }, admin)]);
    const outcomes = [first, second].map((r) => r.errors?.[0]?.extensions ?? { created: r.data });
    expect(outcomes).toEqual(
      expect.arrayContaining([
        { created: { createFunder: { id: expect.any(String), name } } },
        expect.objectContaining({ code: 'CONFLICT', reason: 'FUNDER_EXISTS' }),
      ]),
    );
    const again = await api.gql(CREATE_FUNDER, { n: ` ${name} ` }, admin);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'FUNDER_EXISTS' });
    expect(again.errors?.[0].message).toContain('already a funder');
  });

  describe('amounts', () => {
    const CREATE_GRANT = 'mutation ($input: CreateGrantInput!) { createGrant(input: $input) { id amount amountText currency } }';
    const TOTALS = 'query ($filter: GrantTotalsFilter) { grantTotals(filter: $filter) { currency amount amountText grants } }';
    const grant = (funderId: string, amount: number, currency?: string, extra: Record<string, unknown> = {}) =>
      api.gql<{ createGrant: { id: string; amount: number; amountText: string; currency: string } }>(
        CREATE_GRANT,
        { input: { funderId, title: 'Subvention', amount, currency, startDate: '2025-01-01', endDate: '2025-12-31', ...extra } },
        admin,
      );

    it('refuses 10.5 XOF naming the rule: the franc CFA has no minor unit', async () => {
      const response = await grant(await funder(), 10.5, 'XOF');
      expect(response.data).toBeNull();
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'AMOUNT_PRECISION' });
      expect(response.errors?.[0].message).toContain('XOF has no minor unit');
      // XOF is the default currency: the same rule applies when none is given.
      expect((await grant(await funder(), 10.5)).errors?.[0].extensions).toMatchObject({ reason: 'AMOUNT_PRECISION' });
    });

    it('accepts whole francs and cents, and writes each with its minor units', async () => {
      const funderId = await funder();
      const xof = await grant(funderId, 12500000, 'XOF');
      expect(xof.data?.createGrant).toMatchObject({ amount: 12500000, amountText: '12500000', currency: 'XOF' });
      const eur = await grant(funderId, 10.5, 'EUR');
      expect(eur.data?.createGrant).toMatchObject({ amount: 10.5, amountText: '10.50', currency: 'EUR' });
    });

    it('refuses 10.555 EUR with the rule of two decimals, and zero, negative and absurd amounts', async () => {
      const funderId = await funder();
      const cents = await grant(funderId, 10.555, 'EUR');
      expect(cents.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'AMOUNT_PRECISION' });
      expect(cents.errors?.[0].message).toContain('EUR amounts have at most 2 decimals');
      expect((await grant(funderId, 0.001, 'USD')).errors?.[0].extensions).toMatchObject({ reason: 'AMOUNT_PRECISION' });
      for (const amount of [0, -5])
        expect((await grant(funderId, amount, 'EUR')).errors?.[0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          reason: 'AMOUNT_NOT_POSITIVE',
        });
      expect((await grant(funderId, 1e15, 'XOF')).errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'AMOUNT_TOO_LARGE',
      });
      const { grants } = await api.ok<{ grants: unknown[] }>('query ($f: String) { grants(funderId: $f) { id } }', { f: funderId }, admin);
      expect(grants).toHaveLength(0);
    });

    it('totals grants per currency exactly, never across currencies, for a funder, a programme or a period', async () => {
      const funderId = await funder();
      const programmeId = await people.programme();
      expect((await grant(funderId, 0.1, 'EUR', { programmeIds: [programmeId] })).errors).toBeUndefined();
      expect((await grant(funderId, 0.2, 'EUR')).errors).toBeUndefined();
      expect((await grant(funderId, 2500000, 'XOF', { programmeIds: [programmeId] })).errors).toBeUndefined();
      expect((await grant(funderId, 1000, 'XOF', { startDate: '2023-01-01', endDate: '2023-06-30' })).errors).toBeUndefined();

      const totals = async (filter: Record<string, unknown>) =>
        (await api.ok<{ grantTotals: unknown[] }>(TOTALS, { filter }, admin)).grantTotals;
      expect(await totals({ funderId })).toEqual([
        { currency: 'XOF', amount: 2501000, amountText: '2501000', grants: 2 },
        { currency: 'EUR', amount: 0.3, amountText: '0.30', grants: 2 },
      ]);
      expect(await totals({ programmeId })).toEqual([
        { currency: 'XOF', amount: 2500000, amountText: '2500000', grants: 1 },
        { currency: 'EUR', amount: 0.1, amountText: '0.10', grants: 1 },
      ]);
      expect(await totals({ funderId, from: '2023-01-01', to: '2023-12-31' })).toEqual([
        { currency: 'XOF', amount: 1000, amountText: '1000', grants: 1 },
      ]);
      const backwards = await api.gql(TOTALS, { filter: { funderId, from: '2024-01-01', to: '2023-01-01' } }, admin);
      expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_DATES' });
    });

    it('refuses grant totals and grants to a trainer', async () => {
      const trainer = await people.account('TRAINER');
      const totals = await api.gql(TOTALS, {}, trainer.token);
      expect(totals.data).toBeNull();
      expect(totals.errors?.[0].extensions?.reason).toBe('ROLE_NOT_ALLOWED');
      const create = await api.gql(
        CREATE_GRANT,
        { input: { funderId: await funder(), title: 'x', amount: 10, startDate: '2025-01-01', endDate: '2025-12-31' } },
        trainer.token,
      );
      expect(create.errors?.[0].extensions?.reason).toBe('ROLE_NOT_ALLOWED');
    });
  });

  describe('reporting dates', () => {
    const DEADLINE = 'dueOn doneAt doneBy grant { id title }';
    const MARK = `mutation ($g: ID!, $d: Date!) { markReportingDone(grantId: $g, dueOn: $d) { ${DEADLINE} } }`;
    const OVERDUE = `query { overdueReporting { ${DEADLINE} } }`;
    type Deadline = { dueOn: string; doneAt: string | null; doneBy: string | null; grant: { id: string; title: string } };
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

    it('lets a manager mark a report sent, with who and when, and lists the overdue ones not sent', async () => {
      const manager = await people.account('PROGRAMME_MANAGER');
      const [longAgo, lastMonth, nextMonth] = [day(-90), day(-30), day(30)];
      const { createGrant } = await api.ok<{ createGrant: { id: string } }>(
        'mutation ($input: CreateGrantInput!) { createGrant(input: $input) { id } }',
        {
          input: {
            funderId: await funder(),
            title: 'Rapports',
            amount: 1000,
            startDate: day(-120),
            endDate: day(60),
            reportingDueDates: [nextMonth, lastMonth, longAgo],
          },
        },
        manager.token,
      );
      const overdueOfGrant = async () =>
        (await api.ok<{ overdueReporting: Deadline[] }>(OVERDUE, {}, manager.token)).overdueReporting.filter(
          (d) => d.grant.id === createGrant.id,
        );
      expect(await overdueOfGrant()).toEqual([
        { dueOn: longAgo, doneAt: null, doneBy: null, grant: { id: createGrant.id, title: 'Rapports' } },
        { dueOn: lastMonth, doneAt: null, doneBy: null, grant: { id: createGrant.id, title: 'Rapports' } },
      ]);

      const before = Date.now();
      const { markReportingDone } = await api.ok<{ markReportingDone: Deadline }>(MARK, { g: createGrant.id, d: longAgo }, manager.token);
      expect(markReportingDone).toMatchObject({ dueOn: longAgo, doneBy: 'Test PROGRAMME_MANAGER' });
      expect(new Date(markReportingDone.doneAt!).getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect((await overdueOfGrant()).map((d) => d.dueOn)).toEqual([lastMonth]);

      // Marking it again, even by someone else, keeps the first mark.
      const again = await api.ok<{ markReportingDone: Deadline }>(MARK, { g: createGrant.id, d: longAgo }, admin);
      expect(again.markReportingDone).toEqual(markReportingDone);

      // A report not yet due can be marked sent early; it was never overdue.
      expect(
        (await api.ok<{ markReportingDone: Deadline }>(MARK, { g: createGrant.id, d: nextMonth }, manager.token)).markReportingDone,
      ).toMatchObject({
        doneBy: 'Test PROGRAMME_MANAGER',
      });
      const upcoming = await api.ok<{ upcomingReporting: Deadline[] }>(`query { upcomingReporting(days: 60) { ${DEADLINE} } }`, {}, admin);
      expect(upcoming.upcomingReporting.find((d) => d.grant.id === createGrant.id)).toMatchObject({
        dueOn: nextMonth,
        doneBy: 'Test PROGRAMME_MANAGER',
      });
    });

    it('refuses a date the grant does not expect, an unknown grant, and a trainer', async () => {
      const { createGrant } = await api.ok<{ createGrant: { id: string } }>(
        'mutation ($input: CreateGrantInput!) { createGrant(input: $input) { id } }',
        {
          input: {
            funderId: await funder(),
            title: 'Un rapport',
            amount: 1000,
            startDate: '2024-01-01',
            endDate: '2024-12-31',
            reportingDueDates: ['2024-12-31'],
          },
        },
        admin,
      );
      const wrongDay = await api.gql(MARK, { g: createGrant.id, d: '2024-06-30' }, admin);
      expect(wrongDay.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'REPORTING_DATE_NOT_FOUND' });
      expect(wrongDay.errors?.[0].message).toContain('2024-12-31');
      const noGrant = await api.gql(MARK, { g: randomUUID(), d: '2024-12-31' }, admin);
      expect(noGrant.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'GRANT_NOT_FOUND' });

      const trainer = await people.account('TRAINER');
      const marked = await api.gql(MARK, { g: createGrant.id, d: '2024-12-31' }, trainer.token);
      expect(marked.errors?.[0].extensions?.reason).toBe('ROLE_NOT_ALLOWED');
      const overdue = await api.gql(OVERDUE, {}, trainer.token);
      expect(overdue.errors?.[0].extensions?.reason).toBe('ROLE_NOT_ALLOWED');
      const { overdueReporting } = await api.ok<{ overdueReporting: Deadline[] }>(OVERDUE, {}, admin);
      expect(overdueReporting.find((d) => d.grant.id === createGrant.id)).toMatchObject({ dueOn: '2024-12-31', doneAt: null });
    });
  });
});
