/**
 * The query cost estimate, from the schema the API prints and the lists' declared sizes: every list of objects
 * states how many items it holds, every operation the web client sends is accepted with room to spare, and
 * abusive queries are still refused. No services: the estimate runs before any resolver.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
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
  isScalarType,
  Kind,
  parse,
  typeFromAST,
  type DocumentNode,
  type GraphQLInputType,
  type OperationDefinitionNode,
} from 'graphql';
import { operationCost, parseSettings } from '#core';
import { LIST_SIZES } from '../apps/api/src/graph/list-sizes.js';

const schema = buildSchema(readFileSync('schema.gql', 'utf8'));
const MAX = parseSettings(process.env).graphql.maxComplexity;
const cost = (query: string | DocumentNode, variables: Record<string, unknown> = {}, operationName?: string) =>
  operationCost(schema, typeof query === 'string' ? parse(query) : query, LIST_SIZES, operationName, variables);

/** The GraphQL documents of the web app: each `graphql(`…`)` in its sources. */
function webDocuments(dir = 'apps/web/src'): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return webDocuments(path);
    if (!/\.tsx?$/.test(name)) return [];
    return [...readFileSync(path, 'utf8').matchAll(/graphql\(\s*`([^`]*)`/g)].map((match) => match[1]);
  });
}

/** A value of `type` that the schema accepts: required fields only, first enum value, plausible scalars. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type))
        .map((field) => [field.name, sample(field.type)]),
    );
  }
  const scalars: Record<string, unknown> = { Int: 1, Float: 1, Boolean: true, Date: '2026-03-14', DateTime: '2026-03-14T09:00:00Z' };
  return scalars[(type as { name: string }).name] ?? '00000000-0000-4000-8000-000000000000';
}

describe('query cost', () => {
  it('knows the size of every unpaginated list of objects, and only of lists that exist', () => {
    const lists: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type);
        const paginated = field.args.some((arg) => arg.name === 'first');
        if (isListType(getNullableType(field.type)) && field.name !== 'nodes' && !paginated && !isScalarType(named) && !isEnumType(named)) {
          lists.push(`${type.name}.${field.name}`);
        }
      }
    }
    expect(lists.filter((list) => !(list in LIST_SIZES))).toEqual([]);
    expect(Object.keys(LIST_SIZES).filter((list) => !lists.includes(list))).toEqual([]);
  });

  it('accepts every operation of the web client with room to spare', () => {
    const document = parse(webDocuments().join('\n'));
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    expect(operations.length).toBeGreaterThan(5);
    const costs = Object.fromEntries(
      operations.map((operation) => {
        const variables = Object.fromEntries(
          (operation.variableDefinitions ?? []).map((v) => [
            v.variable.name.value,
            sample(typeFromAST(schema, v.type as never) as GraphQLInputType),
          ]),
        );
        return [operation.name!.value, cost(document, variables, operation.name!.value)];
      }),
    );
    // A quarter of the limit left: a cohort a little larger than planned does not lock its trainer out.
    const tooCostly = Object.entries(costs).filter(([, value]) => value > MAX * 0.75);
    expect(tooCostly).toEqual([]);
  });

  it('accepts a four-level question about one screening, which ten items assumed per list refused', () => {
    const screening = `query ($id: ID!) {
      screening(id: $id) {
        title startsAt endsAt status hosts venue { name city region capacity }
        attendanceByDay { day total female male under18 }
        films {
          title runtimeSeconds posterUrl
          directors { fullName country cohorts { name programme { name } } }
          festivalEntries { status edition { year festival { name country } } awards { name category } }
        }
      }
    }`;
    const variables = { id: '00000000-0000-4000-8000-000000000000' };
    expect(cost(screening, variables)).toBeLessThan(MAX / 2);
    expect(operationCost(schema, parse(screening), {}, undefined, variables)).toBeGreaterThan(MAX);
  });

  it('still refuses lists nested into lists, and pages nested into pages', () => {
    const nested =
      '{ cohorts(first: 100) { nodes { fellows { cohorts { fellows { cohorts { fellows { id fullName city region } } } } } } } }';
    expect(cost(nested)).toBeGreaterThan(MAX);
    const wide = `{ festivals { editions { entries { film { directors { films { screenings { title } } } } } } } }`;
    expect(cost(wide)).toBeGreaterThan(MAX);
    // Asking for many parts' URLs at once costs what it asks for.
    const parts = 'mutation ($n: [Int!]!) { signUploadParts(uploadId: "u", partNumbers: $n) { partNumber url expiresAt } }';
    expect(cost(parts, { n: Array.from({ length: 2000 }, (_, i) => i + 1) })).toBeGreaterThan(MAX);
    expect(cost(parts, { n: [1, 2, 3] })).toBeLessThan(20);
  });
});
