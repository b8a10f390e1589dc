import { ParseArrayPipe } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '#access';
import { ALL_ROLES, IdArg, MANAGERS, Role, Roles } from '#core';
import { AttendanceService } from '../attendance/attendance.service.js';
import { AttendanceInput, CreateTrainingSessionInput, UpdateTrainingSessionInput } from '../dto/training.inputs.js';
import { TrainingSession } from '../entities/index.js';
import { TrainingSessionsService } from './training-sessions.service.js';

const PLANNERS = [...MANAGERS, Role.TRAINER];

@Resolver(() => TrainingSession)
export class TrainingSessionsResolver {
  constructor(
    private readonly service: TrainingSessionsService,
    private readonly attendance: AttendanceService,
  ) {}

  @Roles(...ALL_ROLES)
  @Query(() => [TrainingSession])
  trainingSessions(
    @Ctx() ctx: RequestContext,
    @IdArg('cohortId') cohortId: string,
    @Args('from', { nullable: true }) from?: Date,
    @Args('to', { nullable: true }) to?: Date,
  ) {
    return this.service.list(ctx, cohortId, from, to);
  }

  @Roles(...ALL_ROLES)
  @Query(() => TrainingSession, { nullable: true })
  trainingSession(@Ctx() ctx: RequestContext, @IdArg('id') id: string) {
    return this.service.get(ctx, id);
  }

  @Roles(...PLANNERS)
  @Mutation(() => TrainingSession)
  createTrainingSession(@Ctx() ctx: RequestContext, @Args('input') input: CreateTrainingSessionInput) {
    return this.service.create(ctx, input);
  }

  @Roles(...PLANNERS)
  @Mutation(() => TrainingSession)
  updateTrainingSession(@Ctx() ctx: RequestContext, @IdArg('id') id: string, @Args('input') input: UpdateTrainingSessionInput) {
    return this.service.update(ctx, id, input);
  }

  @Roles(...PLANNERS)
  @Mutation(() => TrainingSession)
  cancelTrainingSession(
    @Ctx() ctx: RequestContext,
    @IdArg('id') id: string,
    @Args('reason', { type: () => String, nullable: true }) reason: string | null,
  ) {
    return this.service.cancel(ctx, id, reason);
  }

  @Roles(...PLANNERS)
  @Mutation(() => TrainingSession, { description: 'The whole roll call at once; replaces the earlier marks, keeping their history' })
  recordAttendance(
    @Ctx() ctx: RequestContext,
    @IdArg('sessionId') sessionId: string,
    @Args('records', { type: () => [AttendanceInput] }, new ParseArrayPipe({ items: AttendanceInput, whitelist: true }))
    records: AttendanceInput[],
  ) {
    return this.attendance.record(ctx, sessionId, records);
  }
}
