/**
 * Every object permission of the platform. Each is answered by exactly one rule, registered by the domain that
 * owns the data (checked at start). Permissions are keyed by the id of the object named first: `film.files`
 * takes film ids, `fellow.contact` fellow ids.
 */
export const PERMISSIONS = [
  /** See a programme: managers, and the trainers and fellows of one of its cohorts. */
  'programme.read',
  /** See a cohort and its roster: managers, its trainers, its fellows. */
  'cohort.read',
  /** Run a cohort's training (sessions, roll calls, notes): managers and its trainers. */
  'cohort.teach',
  /** A fellow's profile beyond the name (city, region, cohorts): managers, their cohorts' trainers, themselves. */
  'fellow.profile',
  /** A fellow's e-mail and phone: managers, their cohorts' trainers, themselves. */
  'fellow.contact',
  /** A fellow's account: managers and the fellow. */
  'fellow.account',
  /** A user's e-mail: managers, the user, and the people of a cohort the user trains. */
  'user.contact',
  /** A film's unpublished work (synopsis, stage history, festival entries): its directors, its cohort's trainers, managers. */
  'film.read',
  /** A film's files (download and preview links): its directors, its cohort's trainers, managers. */
  'film.files',
  /** Uploading to a film and changing it: its directors, its cohort's trainers, managers. */
  'film.work',
  /** A film's public programme (title, directors' names, runtime, poster): everyone who may read it, and everyone once it is in a public screening. */
  'film.public',
  /** A screening: DRAFT ones are for managers, the others are public events. */
  'screening.read',
  /** A festival entry and its history: managers and the people of its film. */
  'entry.read',
  /** A training session and its roll: managers, its cohort's trainers and fellows. */
  'session.read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];
