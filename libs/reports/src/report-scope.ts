/**
 * What "in the period" and "in the programme" mean, written once for the impact report, its documents and the
 * dataset exports, so that they count the same events. Each builder returns an SQL condition over the table
 * aliases it is given; `from`, `to` and `programme` are parameter placeholders (`$1`, ...). A null bound leaves
 * that side of the period open (exports may ask for everything); a null programme takes in every programme.
 *
 * @example
 * const scope: Scope = { from: '$1', to: '$2', programme: '$3' };
 * `SELECT count(*) FROM screening s LEFT JOIN venue v ON v.id = s.venue_id
 *   WHERE ${screeningInPeriod('s', 'v', scope)} AND ${screeningInProgramme('s.id', scope)}`
 */
export interface Scope {
  from: string;
  to: string;
  programme?: string;
}

/** The scope as the reports' statements bind it: $1 and $2 the period's first and last day (open when null), $3 the programme or null. */
export const POSITIONAL_SCOPE: Scope = { from: '$1', to: '$2', programme: '$3' };

/** The zone of screenings without a venue (online), where the organisation works. */
export const DEFAULT_TIME_ZONE = 'Africa/Bamako';

/** A calendar day within the period, either bound open when null. */
function dayInPeriod(day: string, { from, to }: Scope): string {
  return `(${from}::date IS NULL OR ${day} >= ${from}::date) AND (${to}::date IS NULL OR ${day} <= ${to}::date)`;
}

/**
 * A screening counts in the period of the local day it starts on, at its venue (online: DEFAULT_TIME_ZONE):
 * an evening screening in Niamey belongs to that evening's date, whatever the UTC date. Needs the venue joined.
 */
export function screeningInPeriod(screening: string, venue: string, scope: Scope): string {
  return dayInPeriod(`(${screening}.starts_at AT TIME ZONE coalesce(${venue}.time_zone, '${DEFAULT_TIME_ZONE}'))::date`, scope);
}

/** A training session counts in the period of the local day it starts on, in its cohort's zone. Needs the cohort joined. */
export function sessionInPeriod(session: string, cohort: string, scope: Scope): string {
  return dayInPeriod(`(${session}.starts_at AT TIME ZONE ${cohort}.time_zone)::date`, scope);
}

/** A cohort is active in the period when its dates overlap it; a missing start or end date is open. */
export function cohortOverlapsPeriod(cohort: string, { from, to }: Scope): string {
  return `(${cohort}.start_date IS NULL OR ${to}::date IS NULL OR ${cohort}.start_date <= ${to}::date)
     AND (${cohort}.end_date IS NULL OR ${from}::date IS NULL OR ${cohort}.end_date >= ${from}::date)`;
}

/** A festival edition overlaps the period; without dates it spans its year (from its start date, if known). */
export function editionOverlapsPeriod(edition: string, { from, to }: Scope): string {
  return `(${to}::date IS NULL OR coalesce(${edition}.start_date, make_date(${edition}.year, 1, 1)) <= ${to}::date)
     AND (${from}::date IS NULL OR coalesce(${edition}.end_date, ${edition}.start_date, make_date(${edition}.year, 12, 31)) >= ${from}::date)`;
}

/** A cohort of the programme. */
export function cohortInProgramme(cohort: string, { programme }: Pick<Scope, 'programme'>): string {
  return programme ? `(${programme}::uuid IS NULL OR ${cohort}.programme_id = ${programme}::uuid)` : 'true';
}

/** A film made in one of the programme's cohorts; `filmId` is an SQL expression. */
export function filmInProgramme(filmId: string, { programme }: Pick<Scope, 'programme'>): string {
  return programme
    ? `(${programme}::uuid IS NULL OR ${filmId} IN (
         SELECT scope_film.id FROM film scope_film JOIN cohort scope_cohort ON scope_cohort.id = scope_film.cohort_id
          WHERE scope_cohort.programme_id = ${programme}::uuid))`
    : 'true';
}

/** A screening showing at least one of the programme's films; `screeningId` is an SQL expression. */
export function screeningInProgramme(screeningId: string, { programme }: Pick<Scope, 'programme'>): string {
  return programme
    ? `(${programme}::uuid IS NULL OR ${screeningId} IN (
         SELECT scope_sf.screening_id FROM screening_film scope_sf WHERE ${filmInProgramme('scope_sf.film_id', { programme })}))`
    : 'true';
}
