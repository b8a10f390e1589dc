import { domainErrors } from '#core';

/** Every failure of the reports domain (figures, documents, exports), with the API code clients receive for it. */
export const reportsError = domainErrors({
  INVALID_PERIOD: 'BAD_USER_INPUT',
  UNSUPPORTED_FORMAT: 'BAD_USER_INPUT',
  PROGRAMME_NOT_FOUND: 'NOT_FOUND',
  DOCUMENT_NOT_FOUND: 'NOT_FOUND',
  NOT_YOURS: 'FORBIDDEN',
} as const);
