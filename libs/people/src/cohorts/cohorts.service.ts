import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type RequestContext } from '#access';
import { paginate, Role, type Connection } from '#core';
import { JobQueue } from '#queue';
import { DataSource, type EntityManager } from 'typeorm';
import { CohortsArgs, CreateCohortInput, UpdateCohortInput } from '../dto/people.inputs.js';
import { Cohort, CohortTrainer, Enrollment, EnrollmentStatus, Fellow, Programme, User } from '../entities/index.js';
import { peopleError } from '../people.errors.js';

/** Cohorts, the trainers assigned to them and the fellows enrolled in them. */
@Injectable()
export class CohortsService {
  private readonly logger = new Logger(CohortsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
  ) {}

  list(ctx: RequestContext, { filter, ...page }: CohortsArgs): Promise<Connection<Cohort>> {
    const query = this.dataSource.getRepository(Cohort).createQueryBuilder('cohort').where('cohort.archivedAt IS NULL');
    if (filter?.programmeId) query.andWhere('cohort.programmeId = :programmeId', { programmeId: filter.programmeId });
    if (filter?.status) query.andWhere('cohort.status = :status', { status: filter.status });
    return paginate(ctx.restrict('cohort.read', query), page);
  }

  /** The cohort, or null when none has this id; FORBIDDEN when it exists but is not the caller's. */
  async get(ctx: RequestContext, id: string): Promise<Cohort | null> {
    const cohort = await this.dataSource.getRepository(Cohort).findOneBy({ id });
    if (!cohort) return null;
    if (!(await ctx.can('cohort.read', id))) throw peopleError('NOT_VISIBLE', `The cohort ${id} is not one of yours`);
    return cohort;
  }

  async create(input: CreateCohortInput): Promise<Cohort> {
    assertDateOrder(input.startDate, input.endDate);
    const programme = await this.dataSource.getRepository(Programme).findOneBy({ id: input.programmeId });
    if (!programme) throw peopleError('PROGRAMME_NOT_FOUND', `No programme with id ${input.programmeId}`);
    if (programme.archivedAt) throw peopleError('ARCHIVED', `The programme ${programme.name} is archived`);
    const cohorts = this.dataSource.getRepository(Cohort);
    return cohorts.save(
      cohorts.create({
        programmeId: programme.id,
        name: input.name,
        startDate: input.startDate ?? null,
        endDate: input.endDate ?? null,
        timeZone: input.timeZone ?? 'Africa/Bamako',
        archivedAt: null,
      }),
    );
  }

  async update(id: string, input: UpdateCohortInput): Promise<Cohort> {
    const cohort = await this.activeOrFail(this.dataSource.manager, id);
    const next = {
      name: input.name ?? cohort.name,
      startDate: input.startDate !== undefined ? input.startDate : cohort.startDate,
      endDate: input.endDate !== undefined ? input.endDate : cohort.endDate,
      status: input.status ?? cohort.status,
      timeZone: input.timeZone ?? cohort.timeZone,
    };
    assertDateOrder(next.startDate, next.endDate);
    return this.dataSource.getRepository(Cohort).save(Object.assign(cohort, next));
  }

  async archive(id: string): Promise<Cohort> {
    const cohort = await this.activeOrFail(this.dataSource.manager, id);
    cohort.archivedAt = new Date();
    return this.dataSource.getRepository(Cohort).save(cohort);
  }

  /** Assigns a trainer; assigning one already assigned changes nothing. */
  async assignTrainer(cohortId: string, userId: string): Promise<Cohort> {
    return this.dataSource.transaction(async (manager) => {
      const cohort = await this.activeOrFail(manager, cohortId);
      const user = await manager.findOneBy(User, { id: userId });
      if (!user) throw peopleError('USER_NOT_FOUND', `No user with id ${userId}`);
      if (user.role !== Role.TRAINER) {
        throw peopleError('NOT_A_TRAINER', `User ${user.id} is a ${user.role}, not a TRAINER: only trainers are assigned to cohorts`);
      }
      await manager.createQueryBuilder().insert().into(CohortTrainer).values({ cohortId, userId }).orIgnore().execute();
      return cohort;
    });
  }

  async unassignTrainer(cohortId: string, userId: string): Promise<Cohort> {
    const cohort = await this.activeOrFail(this.dataSource.manager, cohortId);
    await this.dataSource.getRepository(CohortTrainer).delete({ cohortId, userId });
    return cohort;
  }

  async enroll(cohortId: string, fellowId: string): Promise<Enrollment> {
    return this.dataSource.transaction(async (manager) => {
      const cohort = await this.activeOrFail(manager, cohortId);
      const fellow = await manager.findOneBy(Fellow, { id: fellowId });
      if (!fellow) throw peopleError('FELLOW_NOT_FOUND', `No fellow with id ${fellowId}`);
      if (fellow.archivedAt) throw peopleError('ARCHIVED', `The fellow ${fellow.id} is archived`);
      // The unique constraint decides under concurrency; the insert either creates the row or reports it exists.
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(Enrollment)
        .values({ cohortId, fellowId })
        .orIgnore()
        .returning('id')
        .execute();
      if (inserted.raw.length === 0) {
        throw peopleError('FELLOW_ALREADY_ENROLLED', `The fellow ${fellow.id} is already enrolled in cohort ${cohort.id}`);
      }
      return manager.findOneByOrFail(Enrollment, { id: (inserted.raw as { id: string }[])[0].id });
    });
  }

  /** Changes an enrollment's status; graduating queues the certificate of completion. */
  async setEnrollmentStatus(cohortId: string, fellowId: string, status: EnrollmentStatus): Promise<Enrollment> {
    const { saved, graduating } = await this.dataSource.transaction(async (manager) => {
      const enrollment = await manager.findOne(Enrollment, { where: { cohortId, fellowId }, lock: { mode: 'pessimistic_write' } });
      if (!enrollment) throw peopleError('ENROLLMENT_NOT_FOUND', 'This fellow is not enrolled in this cohort');
      const graduating = status === EnrollmentStatus.GRADUATED && enrollment.status !== EnrollmentStatus.GRADUATED;
      enrollment.status = status;
      return { saved: await manager.save(enrollment), graduating };
    });
    // Queued after the commit, so the worker finds the enrollment GRADUATED. Should queueing fail, the hourly
    // reconciliation queues every graduation still without a certificate.
    if (graduating) {
      await this.jobs
        .add('training.issue-certificate', { enrollmentId: saved.id }, { jobId: `certificate:${saved.id}` })
        .catch((error: unknown) => this.logger.error({ err: error, enrollmentId: saved.id }, 'Could not queue the certificate'));
    }
    return saved;
  }

  private async activeOrFail(manager: EntityManager, id: string): Promise<Cohort> {
    const cohort = await manager.findOneBy(Cohort, { id });
    if (!cohort) throw peopleError('COHORT_NOT_FOUND', `No cohort with id ${id}`);
    if (cohort.archivedAt) throw peopleError('ARCHIVED', `The cohort ${cohort.name} is archived`);
    return cohort;
  }
}

function assertDateOrder(start: string | null | undefined, end: string | null | undefined): void {
  // YYYY-MM-DD strings order like the dates they name.
  if (start && end && end < start) {
    throw peopleError('INVALID_DATES', `The end date ${end} is before the start date ${start}`);
  }
}
