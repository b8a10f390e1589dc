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
});
