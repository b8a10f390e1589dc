import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, Role, type Actor } from '#core';
import { Cohort, Fellow, PeopleLoaders, User } from '#people';
import { AttendanceChange, AttendanceRecord, TrainingSession } from '../entities/index.js';
import { TrainingLoaders } from '../training.loaders.js';
import { trainingError } from '../training.errors.js';

/** A fellow reads only their own marks; the cohort's trainers and managers read all of them. */
const ownMarksOnly = <T extends { fellowId: string }>(actor: Actor, rows: T[]): T[] =>
  actor.role === Role.FELLOW ? rows.filter((row) => row.fellowId === actor.fellowId) : rows;

@Resolver(() => TrainingSession)
export class TrainingSessionFieldsResolver {
  constructor(
    private readonly people: PeopleLoaders,
    private readonly training: TrainingLoaders,
  ) {}

  @ResolveField(() => Cohort)
  async cohort(@Parent() session: TrainingSession, @CurrentActor() actor: Actor, @Context('req') req: object): Promise<Cohort> {
    const cohort = session.cohort ?? (await this.people.for(req, actor).cohort.load(session.cohortId));
    if (!cohort) throw trainingError('COHORT_NOT_FOUND', `No cohort with id ${session.cohortId}`);
    return cohort;
  }

  @ResolveField(() => [User])
  trainers(@Parent() session: TrainingSession, @Context('req') req: object): Promise<User[]> {
    return this.training.for(req).trainersOfSession.load(session.id);
  }

  @ResolveField(() => [AttendanceRecord])
  async attendance(
    @Parent() session: TrainingSession,
    @CurrentActor() actor: Actor,
    @Context('req') req: object,
  ): Promise<AttendanceRecord[]> {
    return ownMarksOnly(actor, await this.training.for(req).attendanceOfSession.load(session.id));
  }

  @ResolveField(() => [AttendanceChange], { description: 'Every change of the marks, oldest first: who changed what, and when' })
  async attendanceHistory(
    @Parent() session: TrainingSession,
    @CurrentActor() actor: Actor,
    @Context('req') req: object,
  ): Promise<AttendanceChange[]> {
    return ownMarksOnly(actor, await this.training.for(req).changesOfSession.load(session.id));
  }
}

@Resolver(() => AttendanceRecord)
export class AttendanceRecordFieldsResolver {
  constructor(private readonly people: PeopleLoaders) {}

  @ResolveField(() => Fellow)
  async fellow(@Parent() record: AttendanceRecord, @CurrentActor() actor: Actor, @Context('req') req: object): Promise<Fellow> {
    const fellow = await this.people.for(req, actor).fellow.load(record.fellowId);
    if (!fellow) throw trainingError('FELLOW_NOT_FOUND', `No fellow with id ${record.fellowId}`);
    return fellow;
  }
}

@Resolver(() => AttendanceChange)
export class AttendanceChangeFieldsResolver {
  constructor(private readonly people: PeopleLoaders) {}

  @ResolveField(() => User, { nullable: true })
  changedBy(@Parent() change: AttendanceChange, @CurrentActor() actor: Actor, @Context('req') req: object): Promise<User | null> | null {
    return change.changedById ? this.people.for(req, actor).user.load(change.changedById) : null;
  }
}
