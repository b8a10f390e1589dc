import { domainErrors } from '#core';

/** Every failure of the screenings domain, with the API code clients receive for it. */
export const screeningsError = domainErrors({
  VENUE_NOT_FOUND: 'NOT_FOUND',
  SCREENING_NOT_FOUND: 'NOT_FOUND',
  FILM_NOT_FOUND: 'NOT_FOUND',
  VENUE_TAKEN: 'CONFLICT',
  MOVE_NOT_ALLOWED: 'BAD_USER_INPUT',
  INVALID_TIMES: 'BAD_USER_INPUT',
  VENUE_REQUIRED: 'BAD_USER_INPUT',
  FILM_NOT_READY: 'BAD_USER_INPUT',
  NOT_HELD: 'BAD_USER_INPUT',
  DAY_OUTSIDE_SCREENING: 'BAD_USER_INPUT',
  INCONSISTENT_COUNTS: 'BAD_USER_INPUT',
  ATTENDANCE_TOO_LARGE: 'BAD_USER_INPUT',
} as const);
