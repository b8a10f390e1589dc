import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AppModule } from '../../apps/api/src/app.module.js';
import { prepareApi } from '../../apps/api/src/bootstrap.js';

export interface GraphqlError {
  message: string;
  extensions: { code: string; reason?: string; [key: string]: unknown };
}

export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors?: GraphqlError[];
}

export const ADMIN = { email: 'admin@filmschool.test', password: 'admin-password-for-tests' };

/** The real API (AppModule, as `npm run dev` starts it), listening on a free port, called over HTTP. */
export class TestApi {
  private constructor(
    readonly app: INestApplication,
    readonly url: string,
  ) {}

  static async start(): Promise<TestApi> {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    const app = moduleRef.createNestApplication({ bufferLogs: true });
    await prepareApi(app);
    await app.listen(0, '127.0.0.1');
    return new TestApi(app, await app.getUrl());
  }

  async close(): Promise<void> {
    await this.app.close();
  }

  /** Posts a GraphQL operation, as `token`'s owner when given. */
  async gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<GraphqlResponse<T>> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphqlResponse<T>, 'status'>;
    return { status: response.status, ...body };
  }

  /** Like gql, but fails the test on any error and returns the data. */
  async ok<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const response = await this.gql<T>(query, variables, token);
    if (response.errors?.length) throw new Error(`Unexpected GraphQL errors: ${JSON.stringify(response.errors, null, 2)}`);
    return response.data as T;
  }

  /** The `extensions.code` of the first error of an operation expected to fail. */
  async errorCode(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<string> {
    const response = await this.gql(query, variables, token);
    if (!response.errors?.length) throw new Error(`Expected an error, got ${JSON.stringify(response.data)}`);
    return response.errors[0].extensions.code;
  }

  async login(email: string, password: string): Promise<string> {
    const data = await this.ok<{ login: { accessToken: string } }>(
      'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
      { email, password },
    );
    return data.login.accessToken;
  }
}
