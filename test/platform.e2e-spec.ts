import { readFileSync } from 'node:fs';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { TestApi } from './support/api.js';

describe('the platform', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });

  afterAll(async () => {
    await api.close();
  });

  it('reports PostgreSQL, Redis and S3 as up on /health', async () => {
    const response = await fetch(`${api.url}/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; info: Record<string, { status: string }> };
    expect(body.status).toBe('ok');
    expect(body.info).toEqual({
      postgres: expect.objectContaining({ status: 'up' }),
      redis: expect.objectContaining({ status: 'up' }),
      s3: expect.objectContaining({ status: 'up' }),
    });
  });

  it('serves exactly the committed schema.gql', () => {
    const served = `${printSchema(api.app.get(GraphQLSchemaHost).schema)}\n`;
    expect(served).toBe(readFileSync('schema.gql', 'utf8'));
  });

  it('gives every response a request id, keeping a well-formed one sent by the client', async () => {
    const sent = await fetch(`${api.url}/health`, { headers: { 'x-request-id': 'field-phone-42' } });
    expect(sent.headers.get('x-request-id')).toBe('field-phone-42');
    const fresh = await fetch(`${api.url}/health`, { headers: { 'x-request-id': 'not a valid id' } });
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps Apollo CSRF prevention on: a simple cross-site GET with a query is refused', async () => {
    const response = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('CSRF');
  });

  it('answers a badly typed variable with BAD_USER_INPUT', async () => {
    const response = await api.gql('query ($n: Int) { programmes(first: $n) { totalCount } }', { n: 'twenty' });
    expect(response.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses anonymous callers with UNAUTHENTICATED and a bad token likewise', async () => {
    expect(await api.errorCode('{ me { id } }')).toBe('UNAUTHENTICATED');
    expect(await api.errorCode('{ me { id } }', {}, 'not-a-token')).toBe('UNAUTHENTICATED');
  });
});
