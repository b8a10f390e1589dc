import { domainErrors } from '#core';

/** Every failure of the funding domain, with the API code clients receive for it. */
export const fundingError = domainErrors({
  FUNDER_NOT_FOUND: 'NOT_FOUND',
  PROGRAMME_NOT_FOUND: 'NOT_FOUND',
  FUNDER_EXISTS: 'CONFLICT',
  INVALID_DATES: 'BAD_USER_INPUT',
  GRANT_NOT_FOUND: 'NOT_FOUND',
  REPORTING_DATE_NOT_FOUND: 'NOT_FOUND',
  AMOUNT_PRECISION: 'BAD_USER_INPUT',
  AMOUNT_NOT_POSITIVE: 'BAD_USER_INPUT',
  AMOUNT_TOO_LARGE: 'BAD_USER_INPUT',
} as const);
