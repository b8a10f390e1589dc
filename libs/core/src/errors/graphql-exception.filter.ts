import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlArgumentsHost, GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { DomainError, type ApiErrorCode } from './domain-error.js';

type GqlCode = ApiErrorCode | 'INTERNAL_SERVER_ERROR' | 'SERVICE_UNAVAILABLE';

/**
 * SQLSTATEs of a failure that says nothing about the request: the connection was cut (class 08), the server
 * is restarting or shutting down (57P01–57P03), too many connections (53300), or the transaction lost a race
 * the database detected (40001, 40P01). The same request a moment later should succeed.
 */
const TRANSIENT_SQLSTATE = /^(08...|57P0[123]|53300|40001|40P01)$/;
/** The driver's and the pool's own words for a connection that went away or never came. */
const TRANSIENT_MESSAGE =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i;
const TRANSIENT_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

/** Whether an unexpected error is a passing failure (the database, the object store) rather than a fault of the request or code. */
export function isTransient(exception: unknown): boolean {
  if (!(exception instanceof Error)) return false;
  const driver = exception instanceof QueryFailedError ? (exception.driverError as { code?: string; message?: string }) : undefined;
  const code = driver?.code ?? (exception as { code?: unknown }).code;
  if (typeof code === 'string' && (TRANSIENT_SQLSTATE.test(code) || TRANSIENT_ERRNO.has(code))) return true;
  // The object store's own failures (AWS SDK): a 5xx answer, or a timeout of a store that does not answer.
  const status = (exception as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  if ((status !== undefined && status >= 500) || exception.name === 'TimeoutError') return true;
  return TRANSIENT_MESSAGE.test(driver?.message ?? exception.message);
}

/** The PostgreSQL error codes (SQLSTATE) of a constraint refusing a write, which the client can act on. */
const CONSTRAINT_VIOLATIONS = {
  '23505': 'unique_violation',
  '23503': 'foreign_key_violation',
  '23514': 'check_violation',
} as const;
type ConstraintViolation = (typeof CONSTRAINT_VIOLATIONS)[keyof typeof CONSTRAINT_VIOLATIONS];

/** What the driver tells of a failed statement; `detail` is left out on purpose (it holds the row's values). */
interface PostgresError {
  code?: string;
  constraint?: string;
  table?: string;
}

/**
 * The one place where every error thrown by a resolver becomes a GraphQL error with `extensions.code`.
 * Passing database failures reach the client as SERVICE_UNAVAILABLE (retryable); other unexpected errors are
 * logged with their request id and reach the client as INTERNAL_SERVER_ERROR only.
 */
@Catch()
export class GraphqlExceptionFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  private readonly graphqlLogger = new Logger('GraphQL');

  override catch(exception: unknown, host: ArgumentsHost): GraphQLError | void {
    // HTTP routes (health, calendar feeds) keep Nest's own error responses.
    if (host.getType<string>() !== 'graphql') return super.catch(exception, host);
    if (exception instanceof GraphQLError) return exception;
    if (exception instanceof DomainError) {
      return error(exception.message, exception.kind, { reason: exception.reason, ...exception.details });
    }
    if (exception instanceof HttpException) return fromHttpException(exception);
    if (exception instanceof QueryFailedError && isInvalidTextRepresentation(exception)) {
      return error('An id or value has the wrong format', 'BAD_USER_INPUT');
    }
    const requestId = requestIdOf(host);
    const violation = exception instanceof QueryFailedError ? constraintViolation(exception) : undefined;
    if (violation) {
      // A race the service's own check could not see (two creates at once, a row removed in between): the
      // database refused it, so the client gets a code it can act on. Logged without the driver's `detail`,
      // which repeats the values (an e-mail, a name).
      const { code, constraint, table } = violation.driverError;
      this.graphqlLogger.warn({ code, constraint, table, requestId }, 'A database constraint refused a write');
      return fromConstraintViolation(violation.kind, violation.statement, constraint);
    }
    if (isTransient(exception)) {
      // Not the request's fault and not final: the code and the flag tell clients (the upload client, the web
      // app) to try again shortly rather than give up. The HTTP status stays 200, as for every error met while
      // executing (other fields of the same request may have answered).
      this.graphqlLogger.warn({ err: exception, requestId }, 'A passing database failure ended a request');
      return error(
        `The database is briefly unavailable (request ${requestId ?? 'unknown'}): try again in a moment`,
        'SERVICE_UNAVAILABLE',
        { retryable: true },
      );
    }
    this.graphqlLogger.error({ err: exception, requestId }, 'Unexpected error in a resolver');
    return error(`Internal server error (request ${requestId ?? 'unknown'})`, 'INTERNAL_SERVER_ERROR');
  }
}

function error(message: string, code: GqlCode, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

function fromHttpException(exception: HttpException): GraphQLError {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const messages =
    typeof response === 'object' && response !== null && 'message' in response ? (response as { message: unknown }).message : undefined;
  const message = Array.isArray(messages) ? messages.join('; ') : exception.message;
  const code = codeForStatus(status);
  return error(message, code, Array.isArray(messages) ? { problems: messages } : {});
}

function codeForStatus(status: number): GqlCode {
  switch (status) {
    case 400:
    case 422:
      return 'BAD_USER_INPUT';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    default:
      return 'INTERNAL_SERVER_ERROR';
  }
}

function constraintViolation(
  exception: QueryFailedError,
): { kind: ConstraintViolation; statement: string; driverError: PostgresError } | undefined {
  const driverError = (exception.driverError ?? {}) as PostgresError;
  const code = driverError.code;
  if (code === undefined || !Object.hasOwn(CONSTRAINT_VIOLATIONS, code)) return undefined;
  const kind = CONSTRAINT_VIOLATIONS[code as keyof typeof CONSTRAINT_VIOLATIONS];
  const statement = /^\s*(\w+)/.exec(exception.query ?? '')?.[1]?.toUpperCase() ?? '';
  return { kind, statement, driverError };
}

/**
 * The message names the constraint, never the values: the constraint says what is duplicated or missing
 * (`uq_fellow_email`, `fk_festival_entry_film`) without repeating a person's e-mail or name.
 */
function fromConstraintViolation(kind: ConstraintViolation, statement: string, constraint: string | undefined): GraphQLError {
  const named = constraint ? ` (${constraint})` : '';
  const extra = constraint ? { constraint } : {};
  switch (kind) {
    case 'unique_violation':
      return error(`A record with these values already exists${named}: use that record or change the values`, 'CONFLICT', {
        reason: 'ALREADY_EXISTS',
        ...extra,
      });
    case 'foreign_key_violation':
      // Removing a row that others still point to fails with the same code as pointing to a missing row.
      if (statement === 'DELETE') {
        return error(`This record is still referred to by others${named}: remove or move those first`, 'CONFLICT', {
          reason: 'STILL_REFERENCED',
          ...extra,
        });
      }
      return error(`A record this refers to does not exist, or no longer does${named}: check the ids given`, 'NOT_FOUND', {
        reason: 'REFERENCE_NOT_FOUND',
        ...extra,
      });
    case 'check_violation':
      return error(`These values break a rule of the data${named}: correct them and try again`, 'BAD_USER_INPUT', {
        reason: 'CHECK_VIOLATION',
        ...extra,
      });
    default: {
      const unmapped: never = kind;
      throw new Error(`Unmapped constraint violation ${String(unmapped)}`);
    }
  }
}

function isInvalidTextRepresentation(exception: QueryFailedError): boolean {
  return (exception.driverError as { code?: string } | undefined)?.code === '22P02';
}

function requestIdOf(host: ArgumentsHost): string | undefined {
  const context = GqlArgumentsHost.create(host).getContext<{ req?: { id?: unknown } } | undefined>();
  const id = context?.req?.id;
  return typeof id === 'string' ? id : undefined;
}
