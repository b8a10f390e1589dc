import { ParseArrayPipe } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ALL_ROLES, CurrentActor, IdArg, MANAGERS, Role, Roles, type Actor } from '#core';
import { PeopleLoaders } from '#people';
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
    private readonly people: PeopleLoaders,
  ) {}

  @Roles(...ALL_ROLES)
  @Query(() => [TrainingSession])
  trainingSessions(
    @CurrentActor() actor: Actor,
    @Context('req') req: object,
    @IdArg('cohortId') cohortId: string,
    @Args('from', { nullable: true }) from?: Date,
    @Args('to', { nullable: true }) to?: Date,
  ) {
    return this.service.list(this.people.for(req, actor).scope, cohortId, from, to);
  }

  @Roles(...ALL_ROLES)
  @Query(() => TrainingSession, { nullable: true })
  trainingSession(@CurrentActor() actor: Actor, @Context('req') req: object, @IdArg('id') id: string) {
    return this.service.get(this.people.for(req, actor).scope, id);
  }

  @Roles(...PLANNERS)
  @Mutation(() => TrainingSession)
  createTrainingSession(@CurrentActor() actor: Actor, @Context('req') req: object, @Args('input') input: CreateTrainingSessionInput) {
    return this.service.create(this.people.for(req, actor).scope, input);
  }

  @Roles(...PLANNERS)
  @Mutation(() => TrainingSession)
  updateTrainingSession(
    @CurrentActor() actor: Actor,
    @Context('req') req: object,
    @IdArg('id') id: string,
    @Args('input') input: UpdateTrainingSessionInput,
  ) {
    return this.service.update(this.people.for(req, actor).scope, id, input);
  }

  @Roles(...PLANNERS)
  @Mutation(() => TrainingSession)
  cancelTrainingSession(
    @CurrentActor() actor: Actor,
    @Context('req') req: object,
    @IdArg('id') id: string,
    @Args('reason', { type: () => String, nullable: true }) reason: string | null,
  ) {
    return this.service.cancel(this.people.for(req, actor).scope, id, reason);
  }

  @Roles(...PLANNERS)
  @Mutation(() => TrainingSession, { description: 'The whole roll call at once; replaces the earlier marks, keeping their history' })
  recordAttendance(
    @CurrentActor() actor: Actor,
    @Context('req') req: object,
    @IdArg('sessionId') sessionId: string,
    @Args('records', { type: () => [AttendanceInput] }, new ParseArrayPipe({ items: AttendanceInput, whitelist: true }))
    records: AttendanceInput[],
  ) {
    return this.attendance.record(this.people.for(req, actor).scope, sessionId, records);
  }
}
