import { domainErrors } from '#core';

/** Every failure of the festivals domain, with the API code clients receive for it. */
export const festivalsError = domainErrors({
  FESTIVAL_NOT_FOUND: 'NOT_FOUND',
  EDITION_NOT_FOUND: 'NOT_FOUND',
  ENTRY_NOT_FOUND: 'NOT_FOUND',
  FILM_NOT_FOUND: 'NOT_FOUND',
  NOT_VISIBLE: 'FORBIDDEN',
  EDITION_EXISTS: 'CONFLICT',
  ENTRY_EXISTS: 'CONFLICT',
  MOVE_NOT_ALLOWED: 'BAD_USER_INPUT',
  AWARD_NEEDS_SELECTION: 'BAD_USER_INPUT',
  INVALID_DATES: 'BAD_USER_INPUT',
} as const);
