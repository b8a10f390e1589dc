import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { TestApi } from './support/api.js';
import { PeopleFactory } from './support/people.js';
import { ROLE_MATRIX, type Caller } from './support/role-matrix.js';

/**
 * The role matrix of the README as one table (test/support/role-matrix.ts), checked two ways: every query and
 * mutation of the schema has a row (a new operation without one fails here), and every role gets exactly the
 * answer its row gives: refused by role (`ROLE_NOT_ALLOWED`, or UNAUTHENTICATED when anonymous), or let
 * through to the operation itself, whatever the operation then says of the made-up arguments.
 */

const CALLERS: Caller[] = ['ADMIN', 'PROGRAMME_MANAGER', 'TRAINER', 'FELLOW', 'ANONYMOUS'];

/** A literal of the right type for a required argument: enough to get past GraphQL's own validation. */
function literalFor(type: GraphQLInputType): string {
  const inner = getNullableType(type);
  if (isListType(inner)) return `[${literalFor(inner.ofType)}]`;
  if (isEnumType(inner)) return inner.getValues()[0].name;
  if (isInputObjectType(inner)) {
    const fields = Object.values(inner.getFields()).filter((field) => isNonNullType(field.type) && field.defaultValue === undefined);
    return `{ ${fields.map((field) => `${field.name}: ${literalFor(field.type)}`).join(', ')} }`;
  }
  switch (getNamedType(inner).name) {
    case 'ID':
      return `"${randomUUID()}"`;
    case 'Int':
    case 'Float':
      return '1';
    case 'Boolean':
      return 'false';
    case 'Date':
      return '"2021-01-01"';
    case 'DateTime':
      return '"2021-01-01T09:00:00Z"';
    default:
      return '"x"';
  }
}

function operationOf(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const args = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  const call = args.length ? `${field.name}(${args.map((arg) => `${arg.name}: ${literalFor(arg.type)}`).join(', ')})` : field.name;
  return `${kind} { ${call}${isObjectType(getNamedType(field.type)) ? ' { __typename }' : ''} }`;
}

describe('the role matrix', () => {
  let api: TestApi;
  let schema: GraphQLSchema;
  const tokens = new Map<Caller, string | undefined>();

  beforeAll(async () => {
    api = await TestApi.start();
    const people = new PeopleFactory(api);
    tokens.set('ADMIN', await people.admin());
    tokens.set('PROGRAMME_MANAGER', (await people.account('PROGRAMME_MANAGER')).token);
    tokens.set('TRAINER', (await people.account('TRAINER')).token);
    tokens.set('FELLOW', (await people.account('FELLOW', await people.fellow())).token);
    tokens.set('ANONYMOUS', undefined);
    schema = buildSchema(readFileSync(join(process.cwd(), 'schema.gql'), 'utf8'));
  });

  afterAll(async () => {
    await api?.close();
  });

  const operations = () => [
    ...Object.values(schema.getQueryType()!.getFields()).map((field) => ({ name: `Query.${field.name}`, kind: 'query' as const, field })),
    ...Object.values(schema.getMutationType()!.getFields()).map((field) => ({
      name: `Mutation.${field.name}`,
      kind: 'mutation' as const,
      field,
    })),
  ];

  it('has a row for every operation of the schema, and none for an operation that is gone', () => {
    const names = operations().map((operation) => operation.name);
    expect(names.filter((name) => !(name in ROLE_MATRIX))).toEqual([]);
    expect(Object.keys(ROLE_MATRIX).filter((name) => !names.includes(name))).toEqual([]);
  });

  it('lets each role through exactly the operations its row names', async () => {
    const mismatches: string[] = [];
    for (const { name, kind, field } of operations()) {
      const allowed = ROLE_MATRIX[name];
      if (!allowed) continue;
      for (const caller of CALLERS) {
        // Sign-in attempts count against the address: made-up sign-ins must not lock anyone out.
        const response = await api.gql(operationOf(kind, field), {}, tokens.get(caller));
        const error = response.errors?.[0];
        const refused =
          error?.extensions.reason === 'ROLE_NOT_ALLOWED' ||
          (caller === 'ANONYMOUS' && error?.extensions.code === 'UNAUTHENTICATED' && allowed !== 'PUBLIC');
        const shouldRefuse = allowed !== 'PUBLIC' && !allowed.includes(caller);
        if (response.status >= 500 || error?.extensions.code === 'INTERNAL_SERVER_ERROR') {
          mismatches.push(`${name} as ${caller}: server error ${JSON.stringify(response.errors)}`);
        } else if (refused !== shouldRefuse) {
          mismatches.push(
            `${name} as ${caller}: ${refused ? 'refused' : 'let through'}, the matrix says ${shouldRefuse ? 'refuse' : 'let through'}`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 120_000);
});
