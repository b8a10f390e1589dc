import type { AccessRules } from '#access';
import { filmsWorkedOnBy } from '#films';

/** Screenings the organisation shows publicly: scheduled or held (drafts are plans, cancelled ones never happened). */
const PUBLIC_SCREENINGS = `SELECT acc_ps.id FROM screening acc_ps WHERE acc_ps.status IN ('SCHEDULED', 'HELD')`;

/**
 * Screenings are public events once scheduled; drafts are for managers. A film in a public screening's
 * programme is public too (title, directors' names, runtime, poster): never its files or unpublished work.
 */
export const SCREENINGS_ACCESS_RULES: AccessRules = {
  'screening.read': () => (id) => `${id} IN (SELECT acc_s.id FROM screening acc_s WHERE acc_s.status <> 'DRAFT')`,
  'film.public': (actor) => {
    const worked = filmsWorkedOnBy(actor.role);
    const shown = (id: string) =>
      `${id} IN (SELECT acc_sf.film_id FROM screening_film acc_sf WHERE acc_sf.screening_id IN (${PUBLIC_SCREENINGS}))`;
    return worked ? (id) => `(${worked(id)} OR ${shown(id)})` : shown;
  },
};
