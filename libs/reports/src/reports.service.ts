import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Limiter } from '#core';
import { DataSource } from 'typeorm';
import { ImpactReport, type CountByKey } from './impact-report.model.js';
import {
  cohortInProgramme,
  cohortOverlapsPeriod,
  editionOverlapsPeriod,
  filmInProgramme,
  screeningInPeriod,
  screeningInProgramme,
  sessionInPeriod,
  POSITIONAL_SCOPE,
} from './report-scope.js';
import { reportsError } from './reports.errors.js';

const SCOPE = POSITIONAL_SCOPE;

/** Cohorts active in the period, of the programme when one is given. */
const ACTIVE_COHORTS = `
  SELECT c.id FROM cohort c WHERE ${cohortOverlapsPeriod('c', SCOPE)} AND ${cohortInProgramme('c', SCOPE)}`;

/**
 * The SQL aggregates of the impact report, by name; $1 and $2 are the period's first and last day, $3 the
 * programme or null. Exported so that the benchmark can time each one alone.
 */
export const IMPACT_QUERIES = {
  fellows: `
        SELECT f.gender, coalesce(nullif(f.region, ''), 'UNKNOWN') AS region, count(DISTINCT f.id)::int AS n
          FROM fellow f JOIN enrollment e ON e.fellow_id = f.id
         WHERE e.status <> 'WITHDRAWN' AND e.cohort_id IN (${ACTIVE_COHORTS})
         GROUP BY GROUPING SETS ((f.gender), (coalesce(nullif(f.region, ''), 'UNKNOWN')), ())`,
  training: `
        WITH held AS (
          SELECT s.id FROM training_session s JOIN cohort c ON c.id = s.cohort_id
           WHERE s.status = 'HELD' AND ${sessionInPeriod('s', 'c', SCOPE)} AND ${cohortInProgramme('c', SCOPE)})
        SELECT (SELECT count(*) FROM held)::int AS held,
               count(*) FILTER (WHERE ar.status IN ('PRESENT', 'LATE'))::int AS attended,
               count(*)::int AS marks
          FROM attendance_record ar WHERE ar.session_id IN (SELECT id FROM held)`,
  films: `
        SELECT count(*)::int AS films, count(*) FILTER (WHERE f.stage = 'FINAL_CUT')::int AS completed
          FROM film f WHERE f.cohort_id IN (${ACTIVE_COHORTS})`,
  festivals: `
        WITH entries AS (
          SELECT en.id, en.status, fe.name FROM festival_entry en
            JOIN festival_edition ed ON ed.id = en.edition_id
            JOIN festival fe ON fe.id = ed.festival_id
           WHERE en.status <> 'DRAFT'
             AND ${editionOverlapsPeriod('ed', SCOPE)}
             AND ${filmInProgramme('en.film_id', SCOPE)})
        SELECT count(*)::int AS entries,
               count(*) FILTER (WHERE status = 'SELECTED')::int AS selections,
               (SELECT count(*) FROM award a WHERE a.entry_id IN (SELECT id FROM entries))::int AS awards,
               array_agg(DISTINCT name ORDER BY name) FILTER (WHERE status = 'SELECTED') AS festivals
          FROM entries`,
  screeningsByRegion: `
        SELECT CASE WHEN v.id IS NULL THEN 'ONLINE' ELSE coalesce(nullif(v.region, ''), 'UNKNOWN') END AS region, count(*)::int AS n
          FROM screening s LEFT JOIN venue v ON v.id = s.venue_id
         WHERE s.status = 'HELD'
           AND ${screeningInPeriod('s', 'v', SCOPE)} AND ${screeningInProgramme('s.id', SCOPE)}
         GROUP BY 1 ORDER BY 2 DESC, 1`,
  screeningAttendance: `
        SELECT coalesce(sum(d.total), 0)::int AS total, coalesce(sum(d.female), 0)::int AS female,
               coalesce(sum(d.male), 0)::int AS male, coalesce(sum(d.under18), 0)::int AS under18
          FROM screening_day d JOIN screening s ON s.id = d.screening_id LEFT JOIN venue v ON v.id = s.venue_id
         WHERE s.status = 'HELD'
           AND ${screeningInPeriod('s', 'v', SCOPE)} AND ${screeningInProgramme('s.id', SCOPE)}`,
} as const;

/**
 * The figures funders ask for, each computed by an SQL aggregate over the period (nothing is loaded row by row
 * into memory), counting events by their own dates.
 */
@Injectable()
export class ReportsService {
  /**
   * A report runs six aggregates at once; twenty reports at once took the whole pool and requests failed waiting
   * for a connection. The process's report queries share half the pool, the rest stays for everything else.
   */
  private readonly queries: Limiter;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    const poolSize = (dataSource.options as { poolSize?: number }).poolSize ?? 10;
    this.queries = new Limiter(Math.max(1, Math.floor(poolSize / 2)));
  }

  /** Refuses a period that ends before it starts and a programme that does not exist. */
  async checkScope(from: string, to: string, programmeId: string | null): Promise<void> {
    if (to < from) throw reportsError('INVALID_PERIOD', `The period ends (${to}) before it starts (${from})`);
    if (programmeId && !(await this.dataSource.query('SELECT 1 FROM programme WHERE id = $1', [programmeId])).length) {
      throw reportsError('PROGRAMME_NOT_FOUND', `No programme with id ${programmeId}`);
    }
  }

  async impactReport(from: string, to: string, programmeId: string | null): Promise<ImpactReport> {
    await this.checkScope(from, to, programmeId);
    const params = [from, to, programmeId];
    const q = <T>(sql: string): Promise<T[]> => this.queries.run(() => this.dataSource.query(sql, params));

    const [fellowRows, sessions, films, festivals, screenings, attendance] = await Promise.all([
      q<{ gender: string; region: string; n: number }>(IMPACT_QUERIES.fellows),
      q<{ held: number; attended: number; marks: number }>(IMPACT_QUERIES.training),
      q<{ films: number; completed: number }>(IMPACT_QUERIES.films),
      q<{ entries: number; selections: number; awards: number; festivals: string[] | null }>(IMPACT_QUERIES.festivals),
      q<{ region: string; n: number }>(IMPACT_QUERIES.screeningsByRegion),
      q<{ total: number; female: number; male: number; under18: number }>(IMPACT_QUERIES.screeningAttendance),
    ]);

    const byCount = (rows: CountByKey[]) => rows.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
    const { held, attended, marks } = sessions[0];
    return {
      from,
      to,
      programmeId,
      fellows: fellowRows.find((r) => r.gender === null && r.region === null)?.n ?? 0,
      fellowsByGender: byCount(fellowRows.filter((r) => r.gender !== null).map((r) => ({ key: r.gender, count: r.n }))),
      fellowsByRegion: byCount(
        fellowRows.filter((r) => r.region !== null && r.gender === null).map((r) => ({ key: r.region, count: r.n })),
      ),
      trainingSessionsHeld: held,
      trainingAttendanceRate: marks === 0 ? 0 : attended / marks,
      films: films[0].films,
      filmsCompleted: films[0].completed,
      festivalEntries: festivals[0].entries,
      festivalSelections: festivals[0].selections,
      festivalsWithSelections: festivals[0].festivals ?? [],
      awards: festivals[0].awards,
      screeningsHeld: screenings.reduce((sum, r) => sum + r.n, 0),
      screeningsByRegion: screenings.map((r) => ({ key: r.region, count: r.n })),
      screeningAttendance: attendance[0],
    };
  }
}
