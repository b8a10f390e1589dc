import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isListType,
  isEnumType,
  isNonNullType,
  isObjectType,
  isScalarType,
  parse,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { ASSUMED_LIST_SIZE, operationCost, SqlStatementCounter } from '#core';
import { WorkerModule } from '../apps/worker/src/worker.module.js';
import { LIST_SIZES } from '../apps/api/src/graph/list-sizes.js';
import { TestApi } from './support/api.js';
import { uploadFinalCut, walkFilmTo } from './support/films.js';
import { PeopleFactory } from './support/people.js';

/**
 * Authorization at the data: whatever path a query takes to a protected field, an outsider gets nothing
 * protected. The walk below is generated from the served schema, so a new field that opens a path is
 * covered without anyone writing a test for it.
 */

/** Object hops from a root field; deep enough for screenings → nodes → films → assets → downloadUrl and more. */
const MAX_HOPS = 6;

interface World {
  programmeA: string;
  cohortA: string;
  fellowA: string;
  fellowAUser: string;
  trainerA: { id: string; token: string; email: string };
  filmA: string;
  entryA: string;
  sessionA: string;
  publicScreening: string;
  draftScreening: string;
  secrets: Record<string, string>;
}

interface Caller {
  name: string;
  token?: string;
}

/** One query along one path of the schema, selecting every argument-free scalar at its end. */
interface PathQuery {
  path: string;
  query: string;
}

const scalarFieldsOf = (type: GraphQLObjectType): string[] =>
  Object.values(type.getFields())
    .filter((field) => {
      const named = getNamedType(field.type);
      return (isScalarType(named) || isEnumType(named)) && field.args.every((arg) => !isNonNullType(arg.type));
    })
    .map((field) => field.name);

/** Values for required arguments, by name and by the type the field returns. */
function argumentsFor(field: GraphQLField<unknown, unknown>, world: World): string[][] | null {
  const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  if (required.length === 0) return [[]];
  const byReturnType: Record<string, string[]> = {
    Cohort: [world.cohortA],
    Fellow: [world.fellowA],
    Film: [world.filmA],
    FestivalEntry: [world.entryA],
    Screening: [world.publicScreening, world.draftScreening],
    TrainingSession: [world.sessionA],
    Programme: [world.programmeA],
  };
  const byName: Record<string, string> = { fellowId: world.fellowA, cohortId: world.cohortA, filmId: world.filmA };
  let variants: string[][] = [[]];
  for (const arg of required) {
    const named = getNamedType(field.type).name;
    const values = arg.name === 'id' ? byReturnType[named] : byName[arg.name] ? [byName[arg.name]] : undefined;
    if (!values) return null;
    variants = variants.flatMap((variant) => values.map((value) => [...variant, `${arg.name}: "${value}"`]));
  }
  return variants;
}

/** The estimated cost the API allows this test (GRAPHQL_MAX_COMPLEXITY's ceiling). */
const MAX_COST = 1_000_000;
/** Pages are asked small: a path is about which objects it reaches, not how many. */
const PAGE = 3;

type AnyField = GraphQLField<unknown, unknown>;
const isPaged = (field: AnyField) => field.args.some((arg) => arg.name === 'first');
/** How the API's estimate multiplies the cost below a field: by the page size, or another list's declared size. */
const multiplierOf = (type: GraphQLObjectType, field: AnyField) => {
  if (isPaged(field)) return PAGE;
  if (!isListType(getNullableType(field.type)) || field.name === 'nodes') return 1;
  const size = LIST_SIZES[`${type.name}.${field.name}`];
  return typeof size === 'number' ? size : ASSUMED_LIST_SIZE;
};
const callOf = (field: AnyField, args: string[]) => {
  const all = isPaged(field) ? [...args, `first: ${PAGE}`] : args;
  return all.length ? `${field.name}(${all.join(', ')})` : field.name;
};

function pathQueries(schema: GraphQLSchema, world: World): PathQuery[] {
  const queries: PathQuery[] = [];
  // Every list without a page size counts its declared size in the cost estimate: the scalars at the end of a path are
  // asked in as many queries as keep each under the allowed cost.
  const leaf = (type: GraphQLObjectType, cost: number, wrap: (inner: string) => string, path: string) => {
    const scalars = scalarFieldsOf(type);
    let size = Math.max(1, Math.floor(MAX_COST / 2 / cost));
    // The estimate above leaves out each hop's own cost: measured as the API measures, a query over the limit is
    // split further, and a path over it even with one field is left out, as the walk leaves out costlier hops.
    const measured = (query: string) => operationCost(schema, parse(query), LIST_SIZES);
    for (let i = 0; i < scalars.length; i += size) {
      let query = wrap(`__typename ${scalars.slice(i, i + size).join(' ')}`);
      while (size > 1 && measured(query) > MAX_COST) {
        size = Math.ceil(size / 2);
        query = wrap(`__typename ${scalars.slice(i, i + size).join(' ')}`);
      }
      if (measured(query) > MAX_COST) return;
      queries.push({ path, query });
    }
  };
  const walk = (type: GraphQLObjectType, hops: number, cost: number, edges: Set<string>, wrap: (inner: string) => string, path: string) => {
    leaf(type, cost, wrap, path);
    if (hops >= MAX_HOPS) return;
    for (const field of Object.values(type.getFields())) {
      const target = getNamedType(field.type);
      const edge = `${type.name}.${field.name}`;
      if (!isObjectType(target) || edges.has(edge)) continue;
      const nextCost = cost * multiplierOf(type, field);
      if (nextCost > MAX_COST / 2) continue;
      for (const args of argumentsFor(field, world) ?? []) {
        const call = callOf(field, args);
        walk(target, hops + 1, nextCost, new Set([...edges, edge]), (inner) => wrap(`${call} { ${inner} }`), `${path}.${call}`);
      }
    }
  };
  const root = schema.getQueryType()!;
  for (const field of Object.values(root.getFields())) {
    const target = getNamedType(field.type);
    const variants = argumentsFor(field, world) ?? [];
    // The path of the reported leak: screenings of one film, by filter.
    if (field.name === 'screenings') variants.push([`filter: { filmId: "${world.filmA}" }`]);
    for (const args of variants) {
      const call = callOf(field, args);
      if (isObjectType(target))
        walk(target, 1, multiplierOf(root, field), new Set([`Query.${field.name}`]), (inner) => `{ ${call} { ${inner} } }`, call);
      else queries.push({ path: call, query: `{ ${call} }` });
    }
  }
  return queries;
}

describe('access at the data', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let people: PeopleFactory;
  let admin: string;
  let world: World;
  let schema: GraphQLSchema;
  let outsiders: Caller[];
  const previousComplexity = process.env.GRAPHQL_MAX_COMPLEXITY;

  beforeAll(async () => {
    // The walk sends one narrow query per path; the cost estimate multiplies every list by its size, so a deep but
    // narrow path would be refused long before it could show a leak.
    process.env.GRAPHQL_MAX_COMPLEXITY = String(MAX_COST);
    api = await TestApi.start();
    worker = await (await Test.createTestingModule({ imports: [WorkerModule] }).compile()).createNestApplication().init();
    people = new PeopleFactory(api);
    admin = await people.admin();
    world = await buildWorld();
    const fellowB = await people.fellow();
    const cohortB = await people.cohort(await people.programme());
    await people.enroll(cohortB, fellowB);
    const fellowBAccount = await people.account('FELLOW', fellowB);
    const trainerB = await people.account('TRAINER');
    await people.assignTrainer(cohortB, trainerB.id);
    outsiders = [
      { name: 'a fellow of another cohort', token: fellowBAccount.token },
      { name: 'a trainer of another cohort', token: trainerB.token },
      { name: 'an anonymous caller' },
    ];
    // The schema the API serves (platform.e2e-spec checks that it is this file).
    schema = buildSchema(readFileSync(join(process.cwd(), 'schema.gql'), 'utf8'));
  }, 120_000);

  afterAll(async () => {
    if (previousComplexity === undefined) delete process.env.GRAPHQL_MAX_COMPLEXITY;
    else process.env.GRAPHQL_MAX_COMPLEXITY = previousComplexity;
    await worker?.close();
    await api?.close();
  });

  async function buildWorld(): Promise<World> {
    const tag = randomUUID().slice(0, 8);
    const phone = `+223 70 ${String(Math.floor(Math.random() * 90) + 10)} 11 22`;
    const programmeA = await people.programme();
    const cohortA = await people.cohort(programmeA);
    const fellowA = await people.fellow({
      email: `fellow-a-${tag}@secret.test`,
      phone: phone,
      city: `Secretville-${tag}`,
    });
    await people.enroll(cohortA, fellowA);
    const fellowAAccount = await people.account('FELLOW', fellowA);
    const trainerA = await people.account('TRAINER');
    await people.assignTrainer(cohortA, trainerA.id);
    const manager = await people.account('PROGRAMME_MANAGER');

    const { createFilm } = await api.ok<{ createFilm: { id: string } }>(
      'mutation ($input: CreateFilmInput!) { createFilm(input: $input) { id } }',
      {
        input: {
          cohortId: cohortA,
          title: `Public title ${tag}`,
          genre: 'DOCUMENTARY',
          directorIds: [fellowA],
          synopsis: `SECRET-SYNOPSIS-${tag}`,
          logline: `SECRET-LOGLINE-${tag}`,
        },
      },
      admin,
    );
    const filmA = createFilm.id;
    await walkFilmTo(api, admin, filmA, 'EDITING', `SECRET-STAGE-${tag}`);
    await uploadFinalCut(api, worker, admin, filmA);
    const { film } = await api.ok<{ film: { assets: { downloadUrl: string; previewUrl: string | null }[] } }>(
      'query ($id: ID!) { film(id: $id) { assets { downloadUrl previewUrl } } }',
      { id: filmA },
      admin,
    );
    const pathOf = (url: string | null | undefined) => (url ? new URL(url).pathname : undefined);

    const venue = await api.ok<{ createVenue: { id: string } }>(
      'mutation { createVenue(input: { name: "Salle test", city: "Ségou", country: "ML", capacity: 100 }) { id } }',
      {},
      admin,
    );
    const screen = async (title: string): Promise<string> =>
      (
        await api.ok<{ createScreening: { id: string } }>(
          'mutation ($input: CreateScreeningInput!) { createScreening(input: $input) { id } }',
          {
            input: {
              title,
              type: 'COMMUNITY',
              venueId: venue.createVenue.id,
              startsAt: '2031-03-01T18:00:00Z',
              endsAt: '2031-03-01T21:00:00Z',
              filmIds: [filmA],
            },
          },
          admin,
        )
      ).createScreening.id;
    const publicScreening = await screen(`Public screening ${tag}`);
    await api.ok('mutation ($id: ID!) { scheduleScreening(id: $id) { id } }', { id: publicScreening }, admin);
    const draftScreening = await screen(`SECRET-DRAFT-${tag}`);

    const { createFestival } = await api.ok<{ createFestival: { id: string } }>(
      'mutation ($n: String!) { createFestival(input: { name: $n, country: "BF", city: "Ouagadougou" }) { id } }',
      { n: `Festival ${tag}` },
      admin,
    );
    const { createFestivalEdition } = await api.ok<{ createFestivalEdition: { id: string } }>(
      'mutation ($f: ID!) { createFestivalEdition(input: { festivalId: $f, year: 2031, startDate: "2031-10-01", endDate: "2031-10-05" }) { id } }',
      { f: createFestival.id },
      admin,
    );
    const { createFestivalEntry } = await api.ok<{ createFestivalEntry: { id: string } }>(
      'mutation ($f: ID!, $e: ID!) { createFestivalEntry(input: { filmId: $f, editionId: $e }) { id } }',
      { f: filmA, e: createFestivalEdition.id },
      manager.token,
    );
    await api.ok(
      'mutation ($id: ID!, $n: String) { changeEntryStatus(entryId: $id, status: SUBMITTED, note: $n) { id } }',
      { id: createFestivalEntry.id, n: `SECRET-ENTRY-${tag}` },
      manager.token,
    );

    const { createTrainingSession } = await api.ok<{ createTrainingSession: { id: string } }>(
      'mutation ($input: CreateTrainingSessionInput!) { createTrainingSession(input: $input) { id } }',
      { input: { cohortId: cohortA, title: 'Montage', startsAt: '2021-02-01T09:00:00Z', endsAt: '2021-02-01T12:00:00Z' } },
      trainerA.token,
    );
    await api.ok(
      'mutation ($s: ID!, $f: ID!) { recordAttendance(sessionId: $s, records: [{ fellowId: $f, status: PRESENT }]) { id } }',
      { s: createTrainingSession.id, f: fellowA },
      trainerA.token,
    );
    await api.ok(
      'mutation ($input: AddFeedbackNoteInput!) { addFeedbackNote(input: $input) { id } }',
      { input: { fellowId: fellowA, cohortId: cohortA, body: `SECRET-FEEDBACK-${tag}`, visibility: 'PRIVATE' } },
      trainerA.token,
    );

    const secrets: Record<string, string | undefined> = {
      'fellow e-mail': `fellow-a-${tag}@secret.test`,
      'fellow phone': phone,
      'fellow city': `Secretville-${tag}`,
      'fellow account id': fellowAAccount.id,
      'trainer e-mail': trainerA.email,
      'manager e-mail': manager.email,
      'admin e-mail': 'admin@filmschool.test',
      synopsis: `SECRET-SYNOPSIS-${tag}`,
      logline: `SECRET-LOGLINE-${tag}`,
      'stage note': `SECRET-STAGE-${tag}`,
      'entry note': `SECRET-ENTRY-${tag}`,
      'festival entry id': createFestivalEntry.id,
      'draft screening': draftScreening,
      'draft screening title': `SECRET-DRAFT-${tag}`,
      'training session id': createTrainingSession.id,
      'feedback note': `SECRET-FEEDBACK-${tag}`,
      'final cut file': pathOf(film.assets[0]?.downloadUrl),
      'preview file': pathOf(film.assets[0]?.previewUrl),
    };
    for (const [name, value] of Object.entries(secrets)) if (!value) throw new Error(`The world has no ${name}`);
    return {
      programmeA,
      cohortA,
      fellowA,
      fellowAUser: fellowAAccount.id,
      trainerA,
      filmA,
      entryA: createFestivalEntry.id,
      sessionA: createTrainingSession.id,
      publicScreening,
      draftScreening,
      secrets: secrets as Record<string, string>,
    };
  }

  /** Runs every path as a caller; returns, per secret, the paths that showed it. */
  async function walkAs(caller: Caller): Promise<{ found: Map<string, string[]>; answered: number }> {
    const found = new Map<string, string[]>();
    const queries = pathQueries(schema, world);
    let answered = 0;
    let next = 0;
    const refused: string[] = [];
    let failed = false;
    const work = async () => {
      // One failure stops every worker, so no request of this walk outlives it (and skews the next test).
      while (next < queries.length && !failed) {
        const { path, query } = queries[next++];
        const response = await api.gql(query, {}, caller.token);
        if (response.status >= 500) throw new Error(`${path} answered HTTP ${response.status}: ${JSON.stringify(response.errors)}`);
        if (response.errors?.some((error) => error.extensions.code === 'INTERNAL_SERVER_ERROR')) {
          throw new Error(`${path} failed on the server: ${JSON.stringify(response.errors)}`);
        }
        if (response.errors?.some((error) => error.extensions.complexity !== undefined)) refused.push(path);
        if (response.data) answered += 1;
        const text = JSON.stringify(response);
        for (const [name, secret] of Object.entries(world.secrets)) {
          if (text.includes(secret)) found.set(name, [...(found.get(name) ?? []), path]);
        }
      }
    };
    await Promise.all(
      Array.from({ length: 6 }, () =>
        work().catch((error: unknown) => {
          failed = true;
          throw error;
        }),
      ),
    );
    // A path refused as too costly would be a path nobody checked.
    expect(refused).toEqual([]);
    return { found, answered };
  }

  it('reaches every protected value along some path when the caller may see it (the walk is not blind)', async () => {
    const { found } = await walkAs({ name: 'admin', token: admin });
    const unseen = Object.keys(world.secrets).filter((name) => !found.has(name));
    expect(unseen).toEqual([]);
  }, 300_000);

  it.each([0, 1, 2])(
    'shows nothing protected to an outsider, along any path (caller %#)',
    async (index) => {
      const caller = outsiders[index];
      const { found, answered } = await walkAs(caller);
      const leaks = [...found].map(([secret, paths]) => `${caller.name} sees the ${secret} through ${paths.slice(0, 3).join(', ')}`);
      expect(leaks).toEqual([]);
      if (caller.token) expect(answered).toBeGreaterThan(100);
    },
    300_000,
  );

  it('still shows an outsider the public programme of a scheduled screening', async () => {
    const data = await api.ok<{
      screening: {
        films: {
          id: string;
          title: string;
          synopsis: string | null;
          assets: { posterUrl: string | null; downloadUrl: string | null }[];
          directors: { fullName: string; email: string | null }[];
        }[];
      };
    }>(
      'query ($id: ID!) { screening(id: $id) { films { id title synopsis assets { posterUrl downloadUrl } directors { fullName email } } } }',
      { id: world.publicScreening },
      outsiders[0].token,
    );
    const [film] = data.screening.films;
    expect(film.id).toBe(world.filmA);
    expect(film.synopsis).toBeNull();
    expect(film.assets[0].posterUrl).toEqual(expect.any(String));
    expect(film.assets[0].downloadUrl).toBeNull();
    expect(film.directors[0]).toEqual({ fullName: expect.any(String), email: null });
  });

  it('answers a roll call for another cohort’s fellow by id, never by name', async () => {
    const trainerB = outsiders[1].token!;
    const cohortB = await people.cohort(await people.programme());
    const { id: trainerBId } = (await api.ok<{ me: { id: string } }>('{ me { id } }', {}, trainerB)).me;
    await people.assignTrainer(cohortB, trainerBId);
    const { createTrainingSession } = await api.ok<{ createTrainingSession: { id: string } }>(
      'mutation ($input: CreateTrainingSessionInput!) { createTrainingSession(input: $input) { id } }',
      { input: { cohortId: cohortB, title: 'Son', startsAt: '2021-03-01T09:00:00Z', endsAt: '2021-03-01T12:00:00Z' } },
      trainerB,
    );
    const { fellow } = await api.ok<{ fellow: { fullName: string } }>(
      'query ($id: ID!) { fellow(id: $id) { fullName } }',
      { id: world.fellowA },
      admin,
    );
    const response = await api.gql(
      'mutation ($s: ID!, $f: ID!) { recordAttendance(sessionId: $s, records: [{ fellowId: $f, status: PRESENT }]) { id } }',
      { s: createTrainingSession.id, f: world.fellowA },
      trainerB,
    );
    expect(response.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toContain(world.fellowA);
    expect(JSON.stringify(response)).not.toContain(fellow.fullName);
  });

  it('checks access in a constant number of SQL statements, whatever the page size', async () => {
    const fellowB = outsiders[0].token!;
    const statementsFor = async (first: number): Promise<number> => {
      const before = SqlStatementCounter.count;
      await api.ok(
        'query ($n: Int) { screenings(first: $n) { nodes { id films { title synopsis directors { fullName email city } assets { posterUrl downloadUrl } } } } }',
        { n: first },
        fellowB,
      );
      return SqlStatementCounter.count - before;
    };
    for (let i = 0; i < 12; i += 1) {
      const { createScreening } = await api.ok<{ createScreening: { id: string } }>(
        'mutation ($input: CreateScreeningInput!) { createScreening(input: $input) { id } }',
        {
          input: {
            title: `Tour ${i}`,
            type: 'ONLINE',
            startsAt: `2032-01-${10 + i}T18:00:00Z`,
            endsAt: `2032-01-${10 + i}T20:00:00Z`,
            filmIds: [world.filmA],
          },
        },
        admin,
      );
      await api.ok('mutation ($id: ID!) { scheduleScreening(id: $id) { id } }', { id: createScreening.id }, admin);
    }
    const forTwo = await statementsFor(2);
    expect(await statementsFor(12)).toBe(forTwo);
  });
});
