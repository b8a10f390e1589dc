import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, get as httpGet } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { Test } from '@nestjs/testing';
import { isObjectType } from 'graphql';
import { serverAudits } from 'graphql-http';
import { LOG_DESTINATION, parseSettings, SETTINGS, type Settings } from '#core';
import { AppModule } from '../apps/api/src/app.module.js';
import { prepareApi } from '../apps/api/src/bootstrap.js';
import { argumentLimits, MAX_DOCUMENT_TOKENS } from '../apps/api/src/graph/graphql.module.js';
import { ADMIN, TestApi } from './support/api.js';
import { PeopleFactory } from './support/people.js';

/** The API as it runs in production (no introspection, no landing page, no schema hints), its log lines kept. */
async function startProductionApi(logLines: string[]): Promise<{ app: INestApplication; url: string }> {
  // No administrator: production refuses the tests' published password, and nothing here signs in.
  const settings: Settings = { ...parseSettings(process.env), nodeEnv: 'production', logLevel: 'info', admin: undefined };
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(SETTINGS)
    .useValue(settings)
    .overrideProvider(LOG_DESTINATION)
    .useValue({ write: (line: string) => logLines.push(line) })
    .compile();
  const app = moduleRef.createNestApplication({ bufferLogs: true });
  await prepareApi(app);
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}

async function post(url: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { errors?: { message: string; extensions: Record<string, unknown> }[] },
  };
}

describe('GraphQL and HTTP hardening', () => {
  let api: TestApi;
  let admin: string;
  let people: PeopleFactory;
  let settings: Settings;
  let production: { app: INestApplication; url: string };
  const logLines: string[] = [];

  beforeAll(async () => {
    // First: nestjs-pino builds one pino instance per process, on first use, and later apps share it.
    production = await startProductionApi(logLines);
    api = await TestApi.start();
    people = new PeopleFactory(api);
    admin = await api.login(ADMIN.email, ADMIN.password);
    settings = api.app.get<Settings>(SETTINGS);
  });

  afterAll(async () => {
    await api.close();
    await production.app.close();
  });

  describe('the shape of an operation', () => {
    it('refuses 2,400 aliases of one field before running any of them', async () => {
      const query = `{ ${Array.from({ length: 2400 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
      const started = Date.now();
      const response = await api.gql(query, {}, admin);
      expect(response.status).toBe(400);
      expect(response.data ?? null).toBeNull();
      expect(response.errors?.map((e) => e.extensions)).toContainEqual(
        expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases', max: settings.graphql.maxAliases, actual: 2400 }),
      );
      expect(Date.now() - started).toBeLessThan(3000);
    });

    it('accepts up to the alias limit', async () => {
      const query = `{ me { ${Array.from({ length: settings.graphql.maxAliases }, (_, i) => `a${i}: id`).join(' ')} } }`;
      expect((await api.gql(query, {}, admin)).errors).toBeUndefined();
    });

    it('refuses more root fields than allowed, counting those in fragments', async () => {
      const fields = Array.from({ length: settings.graphql.maxRootFields }, () => '__typename').join(' ');
      expect((await api.gql(`{ ${fields} }`)).errors).toBeUndefined();
      const response = await api.gql(`query Wide { ${fields} ...More } fragment More on Query { __typename }`);
      expect(response.status).toBe(400);
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'rootFields' });
      expect(response.errors?.[0].message).toMatch(/Wide asks for \d+ root fields/);
    });

    it(`refuses a document of more than ${MAX_DOCUMENT_TOKENS} tokens before validating it`, async () => {
      const response = await api.gql(`{ ${'__typename '.repeat(MAX_DOCUMENT_TOKENS)} }`);
      expect(response.status).toBe(400);
      expect(response.errors?.[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
      expect(response.errors?.[0].message).toMatch(/more th[ae][nt] 20000 tokens/);
    });

    it('answers a self-referencing fragment with 400, not a crash', async () => {
      const response = await api.gql('query { me { ...Loop } } fragment Loop on User { id ...Loop }', {}, admin);
      expect(response.status).toBe(400);
      expect(response.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(response.errors?.[0].message).toMatch(/Cannot spread fragment "Loop" within itself/);
    });

    it('answers a too costly query with 400 BAD_USER_INPUT', async () => {
      const costly =
        '{ a: fellows(first: 100) { nodes { cohorts { fellows { cohorts { fellows { id fullName city region } } } } } } b: cohorts(first: 100) { nodes { fellows { cohorts { fellows { cohorts { id name } } } } } } }';
      const response = await api.gql(costly, {}, admin);
      expect(response.status).toBe(400);
      expect(response.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('strings in arguments', () => {
    const SET_STAGE = 'mutation ($id: ID!, $note: String) { setFilmStage(filmId: $id, stage: EDITING, note: $note) { id } }';

    it('refuses a 90 KiB stage note with BAD_USER_INPUT naming the argument', async () => {
      const response = await api.gql(SET_STAGE, { id: randomUUID(), note: 'n'.repeat(90 * 1024) }, admin);
      expect(response.status).toBe(400);
      expect(response.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'STRING_TOO_LONG',
        field: 'note',
        maxLength: 2000,
      });
      expect(response.errors?.[0].message).toMatch(/^note is 92160 characters long, at most 2000/);
    });

    it('lets a note of a natural length through to the resolver', async () => {
      expect(await api.errorCode(SET_STAGE, { id: randomUUID(), note: 'n'.repeat(1900) }, admin)).toBe('NOT_FOUND');
    });

    it('caps any string of an input object, inline or as a variable, at the global limit', async () => {
      const long = 'x'.repeat(settings.graphql.maxStringLength + 1);
      const asVariable = await api.gql(
        'mutation ($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }',
        {
          input: { name: 'Programme', description: long },
        },
        admin,
      );
      expect(asVariable.status).toBe(400);
      expect(asVariable.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.description' });
      const inline = await api.gql(`mutation { createProgramme(input: { name: "${long}" }) { id } }`, {}, admin);
      expect(inline.status).toBe(400);
      expect(inline.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    });

    it('keeps the lower limits of the input classes (a 5,001-character programme description)', async () => {
      const response = await api.gql(
        'mutation ($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }',
        {
          input: { name: 'Programme', description: 'd'.repeat(5001) },
        },
        admin,
      );
      expect(response.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].message).toMatch(/description/);
    });

    it('refuses a NUL character in a variable or in the document with 400 BAD_USER_INPUT', async () => {
      const asVariable = await api.gql(
        'mutation ($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }',
        {
          input: { name: 'Pro\u0000gramme' },
        },
        admin,
      );
      expect(asVariable.status).toBe(400);
      expect(asVariable.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NUL_CHARACTER', field: 'input.name' });
      const inline = await api.gql('mutation { createProgramme(input: { name: "Pro\\u0000gramme" }) { id } }', {}, admin);
      expect(inline.status).toBe(400);
      expect(inline.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NUL_CHARACTER' });
      const anonymous = await api.gql('{ verifyCertificate(code: "AB\\u0000CD") { valid } }');
      expect(anonymous.status).toBe(400);
    });

    it('accepts a CSV import of up to the CSV limit (2 MiB), and not one character more', async () => {
      const cohortId = await people.cohort(await people.programme());
      const IMPORT = 'mutation ($c: ID!, $csv: String!) { importFellows(cohortId: $c, csv: $csv) { created errors { line reason } } }';
      const header = 'Nom;Sexe;Pays;Ville;Région;Téléphone;Courriel\r\n';
      // One row with a very long name and an unknown country: the import reads the whole file and refuses that row.
      const rest = ';F;Atlantide\r\n';
      const csv = `${header}${'N'.repeat(settings.graphql.maxCsvLength - header.length - rest.length)}${rest}`;
      expect(csv.length).toBe(settings.graphql.maxCsvLength);
      const accepted = await api.gql<{ importFellows: { created: number; errors: unknown[] } }>(IMPORT, { c: cohortId, csv }, admin);
      expect(accepted.status).toBe(200);
      expect(accepted.errors).toBeUndefined();
      expect(accepted.data?.importFellows.created).toBe(0);
      const refused = await api.gql(IMPORT, { c: cohortId, csv: `${csv}N` }, admin);
      expect(refused.status).toBe(400);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv' });
    });

    it('refuses a request body past three times the CSV limit with 413', async () => {
      const body = JSON.stringify({
        query: '{ __typename }',
        variables: { pad: 'p'.repeat(3 * settings.graphql.maxCsvLength + 64 * 1024) },
      });
      const response = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(response.status).toBe(413);
    });

    it('names only arguments that exist in the schema in its per-argument limits', () => {
      const schema = api.app.get(GraphQLSchemaHost).schema;
      for (const key of Object.keys(argumentLimits(settings))) {
        const [typeName, fieldName, argName] = key.split('.');
        const type = schema.getType(typeName);
        const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
        expect([key, field?.args.some((arg) => arg.name === argName)]).toEqual([key, true]);
      }
    });
  });

  describe('HTTP headers', () => {
    for (const [name, request] of [
      ['/health', (url: string) => fetch(`${url}/health`)],
      [
        '/graphql',
        (url: string) =>
          fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }),
      ],
    ] as const) {
      it(`sends security headers and a content security policy on ${name}`, async () => {
        const response = await request(api.url);
        expect(response.status).toBe(200);
        expect(response.headers.get('x-powered-by')).toBeNull();
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
        expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
        expect(response.headers.get('referrer-policy')).toBe('no-referrer');
        const csp = Object.fromEntries(
          (response.headers.get('content-security-policy') ?? '').split(';').map((d) => {
            const [directive, ...values] = d.trim().split(/\s+/);
            return [directive, values];
          }),
        );
        const s3 = new URL(settings.s3.endpoint!).origin;
        expect(csp['default-src']).toEqual(["'self'"]);
        expect(csp['script-src']).toEqual(["'self'"]);
        expect(csp['style-src']).toEqual(["'self'"]);
        expect(csp['connect-src']).toEqual(["'self'", s3]);
        expect(csp['img-src']).toEqual(expect.arrayContaining(["'self'", s3]));
        expect(csp['media-src']).toEqual(expect.arrayContaining(["'self'", s3]));
        expect(csp['frame-ancestors']).toEqual(["'none'"]);
        expect(csp['object-src']).toEqual(["'none'"]);
      });
    }

    it('keeps an idle connection open past Node’s default 5 s, so a client reusing it is not cut off', async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const get = () =>
        new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
          const request = httpGet(`${api.url}/health`, { agent }, (response) => {
            response.resume();
            response.on('end', () => resolve({ status: response.statusCode!, reused: request.reusedSocket }));
          });
          request.on('error', reject);
        });
      try {
        expect(await get()).toEqual({ status: 200, reused: false });
        await new Promise((resolve) => setTimeout(resolve, 7_000));
        // Had the server closed it at 5 s, the agent would have dropped the socket and opened a new one.
        expect(await get()).toEqual({ status: 200, reused: true });
      } finally {
        agent.destroy();
      }
    });

    it('still serves the landing page in development, the one page without a CSP', async () => {
      const response = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(await response.text()).toMatch(/<html/i);
      expect(response.headers.get('content-security-policy')).toBeNull();
      expect(response.headers.get('x-powered-by')).toBeNull();
    });
  });

  describe('in production', () => {
    it('gives no "did you mean" hint naming a field (development does)', async () => {
      const query = '{ me { fullNam } }';
      const there = await post(production.url, query);
      expect(there.status).toBe(400);
      expect(there.body.errors?.[0].message).not.toMatch(/did you mean|fullName/i);
      expect((await api.gql(query)).errors?.[0].message).toMatch(/Did you mean "fullName"/);
    });

    it('has no landing page, and a CSP that upgrades insecure requests', async () => {
      const response = await fetch(`${production.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(await response.text()).not.toMatch(/<html/i);
      expect(response.headers.get('content-security-policy')).toMatch(/upgrade-insecure-requests/);
    });

    it('never writes a calendar feed token into the request log', async () => {
      const token = `secret${randomUUID().replaceAll('-', '')}`;
      const response = await fetch(`${production.url}/calendar/${token}.ics?from=phone`);
      expect(response.status).toBe(404);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const requestLines = logLines.filter((line) => line.includes('/calendar/'));
      expect(requestLines.length).toBeGreaterThan(0);
      expect(requestLines.join('\n')).toContain('/calendar/[redacted].ics');
      expect(logLines.join('\n')).not.toContain(token);
    });
  });

  describe('GraphQL over HTTP audits (graphql-http)', () => {
    it('passes every required audit, and each warning is explained in docs/security.md', async () => {
      const results = await Promise.all(serverAudits({ url: `${api.url}/graphql` }).map((audit) => audit.fn()));
      const failures = results.flatMap((result) => (result.status === 'error' ? [`${result.id} ${result.name}: ${result.reason}`] : []));
      expect(failures).toEqual([]);
      const documentation = readFileSync('docs/security.md', 'utf8');
      const unexplained = results
        .filter((result) => result.status === 'warn' && !documentation.includes(result.id))
        .map((result) => `${result.id} ${result.name}`);
      expect(unexplained).toEqual([]);
    });
  });
});
