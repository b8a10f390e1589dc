import DataLoader from 'dataloader';
import type { RequestContext } from '#access';
import { groupByKeys, oneByKey } from '#core';
import { In, IsNull } from 'typeorm';
import { Cohort, CohortTrainer, Enrollment, EnrollmentStatus, Fellow, Programme, User } from './entities/index.js';

/** Batches the relation reads of one GraphQL request: one SQL statement per relation, however many parents. */
export class PeopleLoaderSet {
  constructor(private readonly ctx: RequestContext) {}

  readonly programme = new DataLoader<string, Programme | null>(async (ids) =>
    oneByKey(ids, await this.ctx.manager.getRepository(Programme).findBy({ id: In([...ids]) }), (p) => p.id),
  );

  readonly cohort = new DataLoader<string, Cohort | null>(async (ids) =>
    oneByKey(ids, await this.ctx.manager.getRepository(Cohort).findBy({ id: In([...ids]) }), (c) => c.id),
  );

  readonly fellow = new DataLoader<string, Fellow | null>(async (ids) =>
    oneByKey(ids, await this.ctx.manager.getRepository(Fellow).findBy({ id: In([...ids]) }), (f) => f.id),
  );

  readonly user = new DataLoader<string, User | null>(async (ids) =>
    oneByKey(ids, await this.ctx.manager.getRepository(User).findBy({ id: In([...ids]) }), (u) => u.id),
  );

  /** Active (not archived) cohorts of each programme. */
  readonly cohortsOfProgramme = new DataLoader<string, Cohort[]>(async (programmeIds) =>
    groupByKeys(
      programmeIds,
      await this.ctx.manager.getRepository(Cohort).find({
        where: { programmeId: In([...programmeIds]), archivedAt: IsNull() },
        order: { startDate: 'ASC', name: 'ASC' },
      }),
      (c) => c.programmeId,
    ),
  );

  // Relations through a link table are read as link rows with their target joined: one row per link, so a
  // trainer of fifty cohorts comes back fifty times, once per cohort.

  /** Fellows of each cohort, withdrawn ones left out, by name. */
  readonly fellowsOfCohort = new DataLoader<string, Fellow[]>(async (cohortIds) => {
    const links = await this.ctx.manager
      .getRepository(Enrollment)
      .createQueryBuilder('enrollment')
      .innerJoinAndSelect('enrollment.fellow', 'fellow')
      .where('enrollment.cohortId IN (:...cohortIds)', { cohortIds })
      .andWhere('enrollment.status <> :withdrawn', { withdrawn: EnrollmentStatus.WITHDRAWN })
      .orderBy('fellow.fullName', 'ASC')
      .getMany();
    return groupByKeys(cohortIds, links, (link) => link.cohortId).map((group) => group.map((link) => link.fellow!));
  });

  /** Cohorts each fellow is or was enrolled in, earliest first. */
  readonly cohortsOfFellow = new DataLoader<string, Cohort[]>(async (fellowIds) => {
    const links = await this.ctx.manager
      .getRepository(Enrollment)
      .createQueryBuilder('enrollment')
      .innerJoinAndSelect('enrollment.cohort', 'cohort')
      .where('enrollment.fellowId IN (:...fellowIds)', { fellowIds })
      .orderBy('cohort.startDate', 'ASC', 'NULLS LAST')
      .getMany();
    return groupByKeys(fellowIds, links, (link) => link.fellowId).map((group) => group.map((link) => link.cohort!));
  });

  readonly trainersOfCohort = new DataLoader<string, User[]>(async (cohortIds) => {
    const links = await this.ctx.manager
      .getRepository(CohortTrainer)
      .createQueryBuilder('link')
      .innerJoinAndSelect('link.user', 'trainer')
      .where('link.cohortId IN (:...cohortIds)', { cohortIds })
      .orderBy('trainer.fullName', 'ASC')
      .getMany();
    return groupByKeys(cohortIds, links, (link) => link.cohortId).map((group) => group.map((link) => link.user!));
  });

  readonly cohortsOfTrainer = new DataLoader<string, Cohort[]>(async (userIds) => {
    const links = await this.ctx.manager
      .getRepository(CohortTrainer)
      .createQueryBuilder('link')
      .innerJoinAndSelect('link.cohort', 'cohort')
      .where('link.userId IN (:...userIds)', { userIds })
      .orderBy('cohort.startDate', 'DESC', 'NULLS LAST')
      .getMany();
    return groupByKeys(userIds, links, (link) => link.userId).map((group) => group.map((link) => link.cohort!));
  });

  readonly userOfFellow = new DataLoader<string, User | null>(async (fellowIds) =>
    oneByKey(fellowIds, await this.ctx.manager.getRepository(User).findBy({ fellowId: In([...fellowIds]) }), (u) => u.fellowId ?? ''),
  );
}
