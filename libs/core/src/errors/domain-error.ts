/** The codes clients see in `extensions.code`, as the API contract lists them. */
export type ApiErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT';

/**
 * An expected failure of a domain rule. `kind` says how clients should treat it; `reason` is the domain's own
 * code (e.g. `COHORT_NOT_FOUND`), returned as `extensions.reason` so clients can tell failures apart.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: ApiErrorCode,
    readonly reason: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/**
 * Builds the error factory of a domain from its table of codes. The table must give every code its API kind
 * (`satisfies Record<string, ApiErrorCode>`), so a code nobody mapped does not compile.
 *
 * @example
 * const raise = domainErrors({ COHORT_NOT_FOUND: 'NOT_FOUND' } as const);
 * throw raise('COHORT_NOT_FOUND', `No cohort with id ${id}`);
 */
export function domainErrors<const Table extends Record<string, ApiErrorCode>>(table: Table) {
  return (reason: keyof Table & string, message: string, details?: Record<string, unknown>): DomainError =>
    new DomainError(table[reason], reason, message, details);
}
