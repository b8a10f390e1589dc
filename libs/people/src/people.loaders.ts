import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import type { Actor } from '#core';
import { DataSource, In, IsNull } from 'typeorm';
import { AccessScope } from './access-scope.js';
import { Cohort, EnrollmentStatus, Fellow, Programme, User } from './entities/index.js';

function byKey<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

function oneByKey<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): (T | null)[] {
  const found = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => found.get(key) ?? null);
}

/** Batches the relation reads of one GraphQL request: one SQL statement per relation, however many parents. */
export class PeopleLoaderSet {
  constructor(
    private readonly dataSource: DataSource,
    readonly scope: AccessScope,
  ) {}

  readonly programme = new DataLoader<string, Programme | null>(async (ids) =>
    oneByKey(ids, await this.dataSource.getRepository(Programme).findBy({ id: In([...ids]) }), (p) => p.id),
  );

  readonly cohort = new DataLoader<string, Cohort | null>(async (ids) =>
    oneByKey(ids, await this.dataSource.getRepository(Cohort).findBy({ id: In([...ids]) }), (c) => c.id),
  );

  readonly fellow = new DataLoader<string, Fellow | null>(async (ids) =>
    oneByKey(ids, await this.dataSource.getRepository(Fellow).findBy({ id: In([...ids]) }), (f) => f.id),
  );

  readonly user = new DataLoader<string, User | null>(async (ids) =>
    oneByKey(ids, await this.dataSource.getRepository(User).findBy({ id: In([...ids]) }), (u) => u.id),
  );

  /** Active (not archived) cohorts of each programme. */
  readonly cohortsOfProgramme = new DataLoader<string, Cohort[]>(async (programmeIds) =>
    byKey(
      programmeIds,
      await this.dataSource.getRepository(Cohort).find({
        where: { programmeId: In([...programmeIds]), archivedAt: IsNull() },
        order: { startDate: 'ASC', name: 'ASC' },
      }),
      (c) => c.programmeId,
    ),
  );

  /** Fellows of each cohort, withdrawn ones left out, by name. */
  readonly fellowsOfCohort = new DataLoader<string, Fellow[]>(async (cohortIds) => {
    const rows = await this.dataSource
      .getRepository(Fellow)
      .createQueryBuilder('fellow')
      .innerJoin('enrollment', 'enrollment', 'enrollment.fellow_id = fellow.id')
      .addSelect('enrollment.cohort_id', 'enrollment_cohort_id')
      .where('enrollment.cohort_id IN (:...cohortIds)', { cohortIds })
      .andWhere('enrollment.status <> :withdrawn', { withdrawn: EnrollmentStatus.WITHDRAWN })
      .orderBy('fellow.fullName', 'ASC')
      .getRawAndEntities();
    const pairs = rows.entities.map((fellow, i) => ({ fellow, cohortId: String(rows.raw[i].enrollment_cohort_id) }));
    return byKey(cohortIds, pairs, (pair) => pair.cohortId).map((group) => group.map((pair) => pair.fellow));
  });

  /** Cohorts each fellow is or was enrolled in. */
  readonly cohortsOfFellow = new DataLoader<string, Cohort[]>(async (fellowIds) => {
    const rows = await this.dataSource
      .getRepository(Cohort)
      .createQueryBuilder('cohort')
      .innerJoin('enrollment', 'enrollment', 'enrollment.cohort_id = cohort.id')
      .addSelect('enrollment.fellow_id', 'enrollment_fellow_id')
      .where('enrollment.fellow_id IN (:...fellowIds)', { fellowIds })
      .orderBy('cohort.startDate', 'ASC', 'NULLS LAST')
      .getRawAndEntities();
    const pairs = rows.entities.map((cohort, i) => ({ cohort, fellowId: String(rows.raw[i].enrollment_fellow_id) }));
    return byKey(fellowIds, pairs, (pair) => pair.fellowId).map((group) => group.map((pair) => pair.cohort));
  });

  readonly trainersOfCohort = new DataLoader<string, User[]>(async (cohortIds) => {
    const rows = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .innerJoin('cohort_trainer', 'ct', 'ct.user_id = user.id')
      .addSelect('ct.cohort_id', 'ct_cohort_id')
      .where('ct.cohort_id IN (:...cohortIds)', { cohortIds })
      .orderBy('user.fullName', 'ASC')
      .getRawAndEntities();
    const pairs = rows.entities.map((user, i) => ({ user, cohortId: String(rows.raw[i].ct_cohort_id) }));
    return byKey(cohortIds, pairs, (pair) => pair.cohortId).map((group) => group.map((pair) => pair.user));
  });

  readonly userOfFellow = new DataLoader<string, User | null>(async (fellowIds) =>
    oneByKey(fellowIds, await this.dataSource.getRepository(User).findBy({ fellowId: In([...fellowIds]) }), (u) => u.fellowId ?? ''),
  );
}

/**
 * Hands out one PeopleLoaderSet per request, kept against the request object so that every field resolver of
 * that request shares it (and its cache), and nothing outlives the request.
 */
@Injectable()
export class PeopleLoaders {
  private readonly perRequest = new WeakMap<object, PeopleLoaderSet>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  for(request: object, actor: Actor): PeopleLoaderSet {
    let set = this.perRequest.get(request);
    if (!set) {
      set = new PeopleLoaderSet(this.dataSource, new AccessScope(actor, this.dataSource));
      this.perRequest.set(request, set);
    }
    return set;
  }
}
