import { Role, type Actor } from '#core';
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * What one caller may see of the people domain. Managers and admins see everything; a trainer sees the
 * cohorts assigned to them and the fellows enrolled there; a fellow sees their own profile and cohorts.
 * The same rules are applied in SQL (lists, single reads) and in memory (relation fields), one place each.
 */
export class AccessScope {
  private cohortIds?: Promise<Set<string>>;

  constructor(
    readonly actor: Actor,
    private readonly dataSource: DataSource,
  ) {}

  get seesAll(): boolean {
    return this.actor.role === Role.ADMIN || this.actor.role === Role.PROGRAMME_MANAGER;
  }

  /** The cohorts a trainer is assigned to or a fellow is enrolled in; loaded once per request. */
  visibleCohortIds(): Promise<Set<string>> {
    this.cohortIds ??= this.loadCohortIds();
    return this.cohortIds;
  }

  async canSeeCohort(cohortId: string): Promise<boolean> {
    return this.seesAll || (await this.visibleCohortIds()).has(cohortId);
  }

  /** Whether the caller runs the cohort's training: managers, and trainers assigned to it. */
  async canTeach(cohortId: string): Promise<boolean> {
    if (this.seesAll) return true;
    return this.actor.role === Role.TRAINER && (await this.visibleCohortIds()).has(cohortId);
  }

  /** Whether the caller sees the fellows of a cohort they can see: all of them, or only themselves. */
  seesFellowOfVisibleCohort(fellowId: string): boolean {
    return this.actor.role !== Role.FELLOW || fellowId === this.actor.fellowId;
  }

  /** Whether the caller sees a fellow's account and contact details (managers, and the fellow themselves). */
  seesPrivateDetailsOf(fellowId: string): boolean {
    return this.seesAll || fellowId === this.actor.fellowId;
  }

  restrictCohorts<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, column = `${query.alias}.id`): SelectQueryBuilder<T> {
    if (this.seesAll) return query;
    return query.andWhere(`${column} IN (${this.cohortIdsSql()})`, this.params());
  }

  restrictProgrammes<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
    if (this.seesAll) return query;
    return query.andWhere(
      `${query.alias}.id IN (SELECT scope_cohort.programme_id FROM cohort scope_cohort WHERE scope_cohort.id IN (${this.cohortIdsSql()}))`,
      this.params(),
    );
  }

  restrictFellows<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
    if (this.seesAll) return query;
    if (this.actor.role === Role.FELLOW) {
      return query.andWhere(`${query.alias}.id = :scopeFellowId`, this.params());
    }
    return query.andWhere(
      `${query.alias}.id IN (SELECT scope_enrollment.fellow_id FROM enrollment scope_enrollment WHERE scope_enrollment.cohort_id IN (${this.cohortIdsSql()}))`,
      this.params(),
    );
  }

  private cohortIdsSql(): string {
    return this.actor.role === Role.TRAINER
      ? 'SELECT scope_ct.cohort_id FROM cohort_trainer scope_ct WHERE scope_ct.user_id = :scopeUserId'
      : 'SELECT scope_en.cohort_id FROM enrollment scope_en WHERE scope_en.fellow_id = :scopeFellowId';
  }

  private params(): Record<string, string> {
    // A FELLOW account without a linked profile sees no fellow: the nil UUID matches nothing.
    return { scopeUserId: this.actor.id, scopeFellowId: this.actor.fellowId ?? '00000000-0000-0000-0000-000000000000' };
  }

  private async loadCohortIds(): Promise<Set<string>> {
    if (this.seesAll) return new Set();
    const { scopeUserId, scopeFellowId } = this.params();
    const rows: { cohort_id: string }[] =
      this.actor.role === Role.TRAINER
        ? await this.dataSource.query('SELECT cohort_id FROM cohort_trainer WHERE user_id = $1', [scopeUserId])
        : await this.dataSource.query('SELECT cohort_id FROM enrollment WHERE fellow_id = $1', [scopeFellowId]);
    return new Set(rows.map((row) => row.cohort_id));
  }
}
