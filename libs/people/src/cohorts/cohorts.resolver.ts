import { Args, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '#access';
import { ALL_ROLES, ConnectionType, IdArg, MANAGERS, Roles } from '#core';
import { CohortsArgs, CreateCohortInput, UpdateCohortInput } from '../dto/people.inputs.js';
import { Cohort, Enrollment, EnrollmentStatus } from '../entities/index.js';
import { CohortsService } from './cohorts.service.js';

@ObjectType()
export class CohortConnection extends ConnectionType(Cohort) {}

@Resolver(() => Cohort)
export class CohortsResolver {
  constructor(private readonly service: CohortsService) {}

  @Roles(...ALL_ROLES)
  @Query(() => CohortConnection)
  cohorts(@Ctx() ctx: RequestContext, @Args() args: CohortsArgs) {
    return this.service.list(ctx, args);
  }

  @Roles(...ALL_ROLES)
  @Query(() => Cohort, { nullable: true })
  cohort(@Ctx() ctx: RequestContext, @IdArg('id') id: string) {
    return this.service.get(ctx, id);
  }

  @Roles(...MANAGERS)
  @Mutation(() => Cohort)
  createCohort(@Args('input') input: CreateCohortInput) {
    return this.service.create(input);
  }

  @Roles(...MANAGERS)
  @Mutation(() => Cohort)
  updateCohort(@IdArg('id') id: string, @Args('input') input: UpdateCohortInput) {
    return this.service.update(id, input);
  }

  @Roles(...MANAGERS)
  @Mutation(() => Cohort)
  archiveCohort(@IdArg('id') id: string) {
    return this.service.archive(id);
  }

  @Roles(...MANAGERS)
  @Mutation(() => Cohort)
  assignTrainer(@IdArg('cohortId') cohortId: string, @IdArg('userId') userId: string) {
    return this.service.assignTrainer(cohortId, userId);
  }

  @Roles(...MANAGERS)
  @Mutation(() => Cohort)
  unassignTrainer(@IdArg('cohortId') cohortId: string, @IdArg('userId') userId: string) {
    return this.service.unassignTrainer(cohortId, userId);
  }

  @Roles(...MANAGERS)
  @Mutation(() => Enrollment)
  enrollFellow(@IdArg('cohortId') cohortId: string, @IdArg('fellowId') fellowId: string) {
    return this.service.enroll(cohortId, fellowId);
  }

  @Roles(...MANAGERS)
  @Mutation(() => Enrollment, { description: 'Marks an enrollment WITHDRAWN, GRADUATED or back to ENROLLED' })
  setEnrollmentStatus(
    @IdArg('cohortId') cohortId: string,
    @IdArg('fellowId') fellowId: string,
    @Args('status', { type: () => EnrollmentStatus }) status: EnrollmentStatus,
  ) {
    return this.service.setEnrollmentStatus(cohortId, fellowId, status);
  }
}
