import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '#access';
import { Role } from '#core';
import { Cohort, Fellow, PeopleLoaderSet, User } from '#people';
import { AttendanceChange, AttendanceRecord, TrainingSession } from '../entities/index.js';
import { TrainingLoaderSet } from '../training.loaders.js';
import { trainingError } from '../training.errors.js';

/**
 * The roll of a session: nothing for those outside its cohort; a fellow reads only their own marks; the
 * cohort's trainers and managers read all of them.
 */
async function visibleMarks<T extends { fellowId: string }>(ctx: RequestContext, session: TrainingSession, rows: T[]): Promise<T[]> {
  if (!(await ctx.can('session.read', session.id))) return [];
  return ctx.actor.role === Role.FELLOW ? rows.filter((row) => row.fellowId === ctx.actor.fellowId) : rows;
}

@Resolver(() => TrainingSession)
export class TrainingSessionFieldsResolver {
  @ResolveField(() => Cohort)
  async cohort(@Parent() session: TrainingSession, @Ctx() ctx: RequestContext): Promise<Cohort> {
    const cohort = session.cohort ?? (await ctx.loaders(PeopleLoaderSet).cohort.load(session.cohortId));
    if (!cohort) throw trainingError('COHORT_NOT_FOUND', `No cohort with id ${session.cohortId}`);
    return cohort;
  }

  @ResolveField(() => [User], { description: 'Those whose e-mail the caller may see (see User.email)' })
  async trainers(@Parent() session: TrainingSession, @Ctx() ctx: RequestContext): Promise<User[]> {
    const trainers = await ctx.loaders(TrainingLoaderSet).trainersOfSession.load(session.id);
    return ctx.filter('user.contact', trainers, (user) => user.id);
  }

  @ResolveField(() => [AttendanceRecord], { description: 'All marks for the cohort’s trainers and managers; your own for a fellow' })
  async attendance(@Parent() session: TrainingSession, @Ctx() ctx: RequestContext): Promise<AttendanceRecord[]> {
    return visibleMarks(ctx, session, await ctx.loaders(TrainingLoaderSet).attendanceOfSession.load(session.id));
  }

  @ResolveField(() => [AttendanceChange], { description: 'Every change of the marks, oldest first: who changed what, and when' })
  async attendanceHistory(@Parent() session: TrainingSession, @Ctx() ctx: RequestContext): Promise<AttendanceChange[]> {
    return visibleMarks(ctx, session, await ctx.loaders(TrainingLoaderSet).changesOfSession.load(session.id));
  }
}

@Resolver(() => AttendanceRecord)
export class AttendanceRecordFieldsResolver {
  @ResolveField(() => Fellow)
  async fellow(@Parent() record: AttendanceRecord, @Ctx() ctx: RequestContext): Promise<Fellow> {
    const fellow = await ctx.loaders(PeopleLoaderSet).fellow.load(record.fellowId);
    if (!fellow) throw trainingError('FELLOW_NOT_FOUND', `No fellow with id ${record.fellowId}`);
    return fellow;
  }
}

@Resolver(() => AttendanceChange)
export class AttendanceChangeFieldsResolver {
  @ResolveField(() => User, { nullable: true, description: 'Null when unknown or when the caller may not see that user (see User.email)' })
  async changedBy(@Parent() change: AttendanceChange, @Ctx() ctx: RequestContext): Promise<User | null> {
    if (!change.changedById || !(await ctx.can('user.contact', change.changedById))) return null;
    return ctx.loaders(PeopleLoaderSet).user.load(change.changedById);
  }
}
