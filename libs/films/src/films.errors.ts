import { domainErrors } from '#core';

/** Every failure of the films domain, with the API code clients receive for it. */
export const filmsError = domainErrors({
  COHORT_NOT_FOUND: 'NOT_FOUND',
  FILM_NOT_FOUND: 'NOT_FOUND',
  UPLOAD_NOT_FOUND: 'NOT_FOUND',
  NOT_VISIBLE: 'FORBIDDEN',
  NOT_ALLOWED: 'FORBIDDEN',
  DIRECTOR_NOT_ENROLLED: 'BAD_USER_INPUT',
  NO_DIRECTOR: 'BAD_USER_INPUT',
  FILE_TOO_LARGE: 'BAD_USER_INPUT',
  EMPTY_FILE: 'BAD_USER_INPUT',
  NOT_A_VIDEO_TYPE: 'BAD_USER_INPUT',
  BAD_PART_NUMBER: 'BAD_USER_INPUT',
  BAD_ETAG: 'BAD_USER_INPUT',
  UPLOAD_CLOSED: 'BAD_USER_INPUT',
  PARTS_MISSING: 'BAD_USER_INPUT',
  PART_REJECTED: 'BAD_USER_INPUT',
  SIZE_MISMATCH: 'BAD_USER_INPUT',
  /** Another request is completing the upload at the object store; retryable. */
  COMPLETION_IN_PROGRESS: 'CONFLICT',
  ARCHIVED: 'BAD_USER_INPUT',
} as const);
