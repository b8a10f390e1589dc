import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlArgumentsHost, GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { DomainError, type ApiErrorCode } from './domain-error.js';

type GqlCode = ApiErrorCode | 'INTERNAL_SERVER_ERROR';

/**
 * The one place where every error thrown by a resolver becomes a GraphQL error with `extensions.code`.
 * Unexpected errors are logged with their request id and reach the client as INTERNAL_SERVER_ERROR only.
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

function isInvalidTextRepresentation(exception: QueryFailedError): boolean {
  return (exception.driverError as { code?: string } | undefined)?.code === '22P02';
}

function requestIdOf(host: ArgumentsHost): string | undefined {
  const context = GqlArgumentsHost.create(host).getContext<{ req?: { id?: unknown } } | undefined>();
  const id = context?.req?.id;
  return typeof id === 'string' ? id : undefined;
}
