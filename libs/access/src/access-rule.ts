import type { Actor } from '#core';

/** The nil UUID: matches no row, for an actor without the profile a rule asks about. */
export const NIL_ID = '00000000-0000-0000-0000-000000000000';

/**
 * A condition on one id column, in SQL, that holds for the ids an actor may reach. The same condition filters
 * lists (`WHERE film.id IN (...)`) and answers a batch check (`SELECT id FROM unnest($ids) WHERE ...`), so a
 * list and a field can never disagree. Parameters are always `:accessUserId` and `:accessFellowId`.
 *
 * @example (id) => `${id} IN (SELECT fd.film_id FROM film_director fd WHERE fd.fellow_id = :accessFellowId)`
 */
export type AccessCondition = (idColumn: string) => string;

/**
 * A rule answers for the actors who do not see everything (trainers and fellows; managers and admins see
 * all): `true` for every id, `false` for none, or a condition in SQL.
 */
export type AccessRule = (actor: Actor) => AccessCondition | boolean;

/** The parameters every condition may use. */
export function accessParams(actor: Actor): { accessUserId: string; accessFellowId: string } {
  return { accessUserId: actor.id, accessFellowId: actor.fellowId ?? NIL_ID };
}

/** Conditions shared by several domains' rules. */
export const TRAINER_COHORTS = 'SELECT acc_ct.cohort_id FROM cohort_trainer acc_ct WHERE acc_ct.user_id = :accessUserId';
export const FELLOW_COHORTS = 'SELECT acc_en.cohort_id FROM enrollment acc_en WHERE acc_en.fellow_id = :accessFellowId';
