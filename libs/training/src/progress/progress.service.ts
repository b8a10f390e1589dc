import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type RequestContext } from '#access';
import { Role, SETTINGS, type Settings } from '#core';
import { Cohort, Fellow } from '#people';
import { DataSource, In } from 'typeorm';
import { ATTENDED, SessionStatus } from '../entities/index.js';
import { trainingError } from '../training.errors.js';
import { FellowProgress } from './fellow-progress.model.js';

interface ProgressRow {
  fellow_id: string;
  held: number;
  attended: number;
}

/** Each fellow's attendance over the held sessions of a cohort, computed in one SQL aggregate. */
@Injectable()
export class ProgressService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  /** Every fellow of the cohort for its trainers and managers; a fellow gets their own line only. */
  async cohortProgress(ctx: RequestContext, cohortId: string): Promise<FellowProgress[]> {
    const cohort = await this.dataSource.getRepository(Cohort).findOneBy({ id: cohortId });
    if (!cohort) throw trainingError('COHORT_NOT_FOUND', `No cohort with id ${cohortId}`);
    if (!(await ctx.can('cohort.read', cohortId))) throw trainingError('NOT_VISIBLE', `The cohort ${cohortId} is not one of yours`);

    const onlyFellow = ctx.actor.role === Role.FELLOW ? ctx.actor.fellowId : null;
    const rows: ProgressRow[] = await this.dataSource.query(
      `WITH held AS (
         SELECT id FROM training_session WHERE cohort_id = $1 AND status = $2
       )
       SELECT e.fellow_id,
              (SELECT count(*) FROM held)::int AS held,
              count(ar.session_id) FILTER (WHERE ar.status = ANY($3::attendance_status[]))::int AS attended
         FROM enrollment e
         JOIN fellow f ON f.id = e.fellow_id
         LEFT JOIN attendance_record ar ON ar.fellow_id = e.fellow_id AND ar.session_id IN (SELECT id FROM held)
        WHERE e.cohort_id = $1 AND e.status <> 'WITHDRAWN' AND ($4::uuid IS NULL OR e.fellow_id = $4)
        GROUP BY e.fellow_id, f.full_name
        ORDER BY f.full_name`,
      [cohortId, SessionStatus.HELD, ATTENDED, onlyFellow],
    );
    const fellows = new Map(
      (await this.dataSource.getRepository(Fellow).findBy({ id: In(rows.map((r) => r.fellow_id)) })).map((f) => [f.id, f]),
    );
    return rows.map((row) => this.progressOf(row, fellows.get(row.fellow_id)!, cohort));
  }

  private progressOf(row: ProgressRow, fellow: Fellow, cohort: Cohort): FellowProgress {
    const attendanceRate = row.held === 0 ? 0 : row.attended / row.held;
    const { atRiskRate, atRiskMinSessions } = this.settings.training;
    return {
      fellow,
      cohort,
      sessionsHeld: row.held,
      sessionsAttended: row.attended,
      attendanceRate,
      atRisk: row.held >= atRiskMinSessions && attendanceRate < atRiskRate,
    };
  }
}
