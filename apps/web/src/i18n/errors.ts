import type { CombinedError } from 'urql';
import { fr, type MessageKey } from './fr';

/** What the UI needs of an API failure: the message to show and, when the API says so, the field it concerns. */
export interface ApiProblem {
  message: MessageKey;
  reason?: string;
  code?: string;
}

const KNOWN_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INTERNAL_SERVER_ERROR',
  'SERVICE_UNAVAILABLE',
]);

/** Turns a GraphQL failure into a catalogue key: by the domain's `reason` when we have a message for it, else by `code`. */
export function apiProblem(error: CombinedError): ApiProblem {
  if (error.networkError && error.graphQLErrors.length === 0) return { message: 'errors.network' };
  const first = error.graphQLErrors[0];
  const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : undefined;
  const reason = typeof first?.extensions?.reason === 'string' ? first.extensions.reason : undefined;
  const byReason = `errors.reason.${reason}`;
  if (reason && isMessageKey(byReason)) return { message: byReason, reason, code };
  if (code && KNOWN_CODES.has(code)) return { message: `errors.code.${code}` as MessageKey, reason, code };
  return { message: 'errors.unknown', reason, code };
}

const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(fr, key);
