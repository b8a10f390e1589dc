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
});
