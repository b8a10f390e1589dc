import type { AccessRules } from '#access';
import { filmsWorkedOnBy } from '#films';

/** A festival entry is seen by managers and the film's people (its directors and its cohort's trainers). */
export const FESTIVALS_ACCESS_RULES: AccessRules = {
  'entry.read': (actor) => {
    const films = filmsWorkedOnBy(actor.role);
    return films && ((id) => `${id} IN (SELECT acc_fe.id FROM festival_entry acc_fe WHERE ${films('acc_fe.film_id')})`);
  },
};
