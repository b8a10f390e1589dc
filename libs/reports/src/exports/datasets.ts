import {
  cohortInProgramme,
  cohortOverlapsPeriod,
  editionOverlapsPeriod,
  filmInProgramme,
  screeningInPeriod,
  screeningInProgramme,
  sessionInPeriod,
  POSITIONAL_SCOPE,
} from '../report-scope.js';
import { ExportDataset } from './export-dataset.enum.js';

const SCOPE = POSITIONAL_SCOPE;

/**
 * Each dataset as one SQL query, scoped by the same predicates as the impact report so that an export of a period
 * lists what the report counts for it.
 */
export const DATASETS: Record<ExportDataset, { headers: string[]; sql: string }> = {
  [ExportDataset.FELLOWS]: {
    headers: ['fullName', 'gender', 'country', 'region', 'city', 'programme', 'cohort', 'status'],
    sql: `SELECT f.full_name, f.gender, f.country, f.region, f.city, p.name, c.name, e.status FROM enrollment e
            JOIN fellow f ON f.id = e.fellow_id JOIN cohort c ON c.id = e.cohort_id JOIN programme p ON p.id = c.programme_id
           WHERE ${cohortOverlapsPeriod('c', SCOPE)} AND ${cohortInProgramme('c', SCOPE)}
           ORDER BY p.name, c.name, f.full_name`,
  },
  [ExportDataset.TRAINING_ATTENDANCE]: {
    headers: ['cohort', 'session', 'startsAt', 'fellow', 'status', 'note'],
    sql: `SELECT c.name, s.title, to_char(s.starts_at AT TIME ZONE c.time_zone, 'YYYY-MM-DD HH24:MI'), f.full_name, ar.status, ar.note
            FROM attendance_record ar JOIN training_session s ON s.id = ar.session_id JOIN cohort c ON c.id = s.cohort_id JOIN fellow f ON f.id = ar.fellow_id
           WHERE ${sessionInPeriod('s', 'c', SCOPE)} AND ${cohortInProgramme('c', SCOPE)}
           ORDER BY c.name, s.starts_at, f.full_name`,
  },
  [ExportDataset.FILMS]: {
    headers: ['title', 'genre', 'stage', 'runtimeSeconds', 'themes', 'languages', 'cohort', 'directors'],
    sql: `SELECT fi.title, fi.genre, fi.stage, fi.runtime_seconds, array_to_string(fi.themes, ', '), array_to_string(fi.languages, ', '), c.name,
                 (SELECT string_agg(fe.full_name, ', ' ORDER BY d.position) FROM film_director d JOIN fellow fe ON fe.id = d.fellow_id WHERE d.film_id = fi.id)
            FROM film fi JOIN cohort c ON c.id = fi.cohort_id
           WHERE ${cohortOverlapsPeriod('c', SCOPE)} AND ${cohortInProgramme('c', SCOPE)}
           ORDER BY fi.title`,
  },
  [ExportDataset.FESTIVAL_ENTRIES]: {
    headers: ['film', 'festival', 'year', 'category', 'status', 'awards'],
    sql: `SELECT fi.title, fe.name, ed.year, en.category, en.status,
                 (SELECT string_agg(a.name, ', ') FROM award a WHERE a.entry_id = en.id)
            FROM festival_entry en JOIN film fi ON fi.id = en.film_id JOIN festival_edition ed ON ed.id = en.edition_id JOIN festival fe ON fe.id = ed.festival_id
           WHERE ${editionOverlapsPeriod('ed', SCOPE)} AND ${filmInProgramme('en.film_id', SCOPE)}
           ORDER BY ed.year, fe.name, fi.title`,
  },
  [ExportDataset.SCREENINGS]: {
    headers: ['title', 'type', 'status', 'venue', 'region', 'startsAt', 'endsAt', 'films', 'total', 'female', 'male', 'under18'],
    sql: `SELECT s.title, s.type, s.status, v.name, v.region, to_char(s.starts_at, 'YYYY-MM-DD"T"HH24:MI"Z"'), to_char(s.ends_at, 'YYYY-MM-DD"T"HH24:MI"Z"'),
                 (SELECT string_agg(fi.title, ', ' ORDER BY sf.position) FROM screening_film sf JOIN film fi ON fi.id = sf.film_id WHERE sf.screening_id = s.id),
                 coalesce(sum(d.total), 0), coalesce(sum(d.female), 0), coalesce(sum(d.male), 0), coalesce(sum(d.under18), 0)
            FROM screening s LEFT JOIN venue v ON v.id = s.venue_id LEFT JOIN screening_day d ON d.screening_id = s.id
           WHERE ${screeningInPeriod('s', 'v', SCOPE)} AND ${screeningInProgramme('s.id', SCOPE)}
           GROUP BY s.id, v.id ORDER BY s.starts_at`,
  },
};
