import { TRAINER_COHORTS, type AccessCondition, type AccessRules } from '#access';
import { Role } from '#core';

/** The films the caller works on: a trainer's cohorts' films, a fellow's own films. */
export function filmsWorkedOnBy(role: Role): AccessCondition | false {
  if (role === Role.TRAINER) return (id) => `${id} IN (SELECT acc_tf.id FROM film acc_tf WHERE acc_tf.cohort_id IN (${TRAINER_COHORTS}))`;
  if (role === Role.FELLOW)
    return (id) => `${id} IN (SELECT acc_fd.film_id FROM film_director acc_fd WHERE acc_fd.fellow_id = :accessFellowId)`;
  return false;
}

/**
 * Who reaches what of a film: its directors, its cohort's trainers and managers see and change everything.
 * `film.public` (the programme of public screenings) is ruled by the screenings domain, which knows what is
 * shown publicly.
 */
export const FILMS_ACCESS_RULES: AccessRules = {
  'film.read': (actor) => filmsWorkedOnBy(actor.role),
  'film.files': (actor) => filmsWorkedOnBy(actor.role),
  'film.work': (actor) => filmsWorkedOnBy(actor.role),
};
