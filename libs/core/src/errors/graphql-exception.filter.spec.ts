import { Logger, NotFoundException, type LoggerService } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import { GraphQLError } from 'graphql';
import pg from 'pg';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error.js';
import { GraphqlExceptionFilter } from './graphql-exception.filter.js';

/** A failed statement as TypeORM reports it, with the error the pg driver builds from PostgreSQL's answer. */
function queryFailed(query: string, fields: { code: string; constraint?: string; table?: string; detail?: string }): QueryFailedError {
  const driverError = Object.assign(new pg.DatabaseError(`statement refused (${fields.code})`, 100, 'error'), fields);
  return new QueryFailedError(query, ['awa.traore@example.org', 'Awa Traoré'], driverError);
}

function graphqlHost(): ExecutionContextHost {
  const host = new ExecutionContextHost([{}, {}, { req: { id: 'request-1' } }, {}]);
  host.setType('graphql');
  return host;
}

const logged: unknown[][] = [];
const recordingLogger: LoggerService = {
  log: (...args: unknown[]) => logged.push(args),
  warn: (...args: unknown[]) => logged.push(args),
  error: (...args: unknown[]) => logged.push(args),
};

function map(exception: unknown): GraphQLError {
  const result = new GraphqlExceptionFilter().catch(exception, graphqlHost());
  if (!(result instanceof GraphQLError)) throw new Error(`Expected a GraphQLError, got ${String(result)}`);
  return result;
}

describe('GraphqlExceptionFilter', () => {
  beforeAll(() => Logger.overrideLogger(recordingLogger));
  beforeEach(() => (logged.length = 0));

  it('turns a unique violation into CONFLICT naming the constraint, never the values', () => {
    const mapped = map(
      queryFailed('INSERT INTO "fellow"("full_name", "email") VALUES ($1, $2) RETURNING "id"', {
        code: '23505',
        constraint: 'uq_fellow_email',
        table: 'fellow',
        detail: 'Key (email)=(awa.traore@example.org) already exists.',
      }),
    );
    expect(mapped.extensions).toEqual({ code: 'CONFLICT', reason: 'ALREADY_EXISTS', constraint: 'uq_fellow_email' });
    expect(mapped.message).toContain('already exists (uq_fellow_email)');
    const everything = JSON.stringify([mapped.message, mapped.extensions, logged]);
    expect(everything).not.toContain('awa.traore');
    expect(everything).not.toContain('Traoré');
    expect(JSON.stringify(logged)).toContain('uq_fellow_email');
  });

  it('turns a reference to a missing row into NOT_FOUND with REFERENCE_NOT_FOUND', () => {
    const mapped = map(
      queryFailed('INSERT INTO "festival_entry"("film_id", "edition_id") VALUES ($1, $2)', {
        code: '23503',
        constraint: 'fk_festival_entry_edition',
        table: 'festival_entry',
        detail: 'Key (edition_id)=(6f1c0d8e-0000-4000-8000-000000000000) is not present in table "festival_edition".',
      }),
    );
    expect(mapped.extensions).toEqual({ code: 'NOT_FOUND', reason: 'REFERENCE_NOT_FOUND', constraint: 'fk_festival_entry_edition' });
    expect(mapped.message).not.toContain('6f1c0d8e');
  });

  it('turns removing a row still referred to into CONFLICT with STILL_REFERENCED', () => {
    const mapped = map(
      queryFailed('DELETE FROM "venue" WHERE "id" = $1', { code: '23503', constraint: 'fk_screening_venue', table: 'screening' }),
    );
    expect(mapped.extensions).toEqual({ code: 'CONFLICT', reason: 'STILL_REFERENCED', constraint: 'fk_screening_venue' });
  });

  it('turns a check violation into BAD_USER_INPUT naming the rule', () => {
    const mapped = map(
      queryFailed('UPDATE "screening" SET "ends_at" = $1 WHERE "id" = $2', {
        code: '23514',
        constraint: 'ck_screening_times',
        table: 'screening',
      }),
    );
    expect(mapped.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'CHECK_VIOLATION', constraint: 'ck_screening_times' });
    expect(mapped.message).toContain('ck_screening_times');
  });

  it('still says what was refused when the driver names no constraint', () => {
    const mapped = map(queryFailed('INSERT INTO "award"("entry_id") VALUES ($1)', { code: '23505' }));
    expect(mapped.extensions).toEqual({ code: 'CONFLICT', reason: 'ALREADY_EXISTS' });
    expect(mapped.message).toMatch(/already exists/);
  });

  it('keeps a malformed id as BAD_USER_INPUT', () => {
    const mapped = map(queryFailed('SELECT * FROM "film" WHERE "id" = $1', { code: '22P02' }));
    expect(mapped.extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });

  it('keeps other database failures internal, with the request id and without the statement', () => {
    const mapped = map(queryFailed('UPDATE "film" SET "title" = $1', { code: '42P01' }));
    expect(mapped.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(mapped.message).toBe('Internal server error (request request-1)');
  });

  it('tells clients to retry a passing failure: a cut connection, a restarting server, a lost serialization race', () => {
    for (const code of ['08006', '57P01', '53300', '40001', '40P01']) {
      expect(map(queryFailed('SELECT 1', { code })).extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryable: true });
    }
    expect(map(new Error('Connection terminated unexpectedly')).extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryable: true });
    expect(map(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })).extensions).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      retryable: true,
    });
    const store = (status: number) =>
      Object.assign(new Error('store'), { name: 'S3ServiceException', $metadata: { httpStatusCode: status } });
    expect(map(store(503)).extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryable: true });
    expect(map(Object.assign(new Error('socket idle'), { name: 'TimeoutError' })).extensions).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      retryable: true,
    });
    expect(map(store(403)).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(map(new Error('Cannot read properties of undefined')).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });

  it('leaves domain and HTTP errors as they were', () => {
    expect(map(new DomainError('CONFLICT', 'EMAIL_TAKEN', 'Taken')).extensions).toEqual({ code: 'CONFLICT', reason: 'EMAIL_TAKEN' });
    expect(map(new NotFoundException('Nothing here')).extensions).toEqual({ code: 'NOT_FOUND' });
  });
});
