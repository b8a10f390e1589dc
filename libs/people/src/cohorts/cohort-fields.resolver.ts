import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '#core';
import { Cohort, Enrollment, Fellow, Programme, User } from '../entities/index.js';
import { PeopleLoaders } from '../people.loaders.js';
import { peopleError } from '../people.errors.js';

@Resolver(() => Cohort)
export class CohortFieldsResolver {
  constructor(private readonly loaders: PeopleLoaders) {}

  @ResolveField(() => Programme)
  async programme(@Parent() cohort: Cohort, @CurrentActor() actor: Actor, @Context('req') req: object): Promise<Programme> {
    const programme = cohort.programme ?? (await this.loaders.for(req, actor).programme.load(cohort.programmeId));
    if (!programme) throw peopleError('PROGRAMME_NOT_FOUND', `No programme with id ${cohort.programmeId}`);
    return programme;
  }

  @ResolveField(() => [Fellow], { description: 'Enrolled and graduated fellows (withdrawn ones left out), by name' })
  async fellows(@Parent() cohort: Cohort, @CurrentActor() actor: Actor, @Context('req') req: object): Promise<Fellow[]> {
    const { fellowsOfCohort, scope } = this.loaders.for(req, actor);
    const fellows = await fellowsOfCohort.load(cohort.id);
    return fellows.filter((fellow) => scope.seesFellowOfVisibleCohort(fellow.id));
  }

  @ResolveField(() => [User])
  trainers(@Parent() cohort: Cohort, @CurrentActor() actor: Actor, @Context('req') req: object): Promise<User[]> {
    return this.loaders.for(req, actor).trainersOfCohort.load(cohort.id);
  }
}

@Resolver(() => Enrollment)
export class EnrollmentFieldsResolver {
  constructor(private readonly loaders: PeopleLoaders) {}

  @ResolveField(() => Cohort)
  async cohort(@Parent() enrollment: Enrollment, @CurrentActor() actor: Actor, @Context('req') req: object): Promise<Cohort> {
    const cohort = enrollment.cohort ?? (await this.loaders.for(req, actor).cohort.load(enrollment.cohortId));
    if (!cohort) throw peopleError('COHORT_NOT_FOUND', `No cohort with id ${enrollment.cohortId}`);
    return cohort;
  }

  @ResolveField(() => Fellow)
  async fellow(@Parent() enrollment: Enrollment, @CurrentActor() actor: Actor, @Context('req') req: object): Promise<Fellow> {
    const fellow = enrollment.fellow ?? (await this.loaders.for(req, actor).fellow.load(enrollment.fellowId));
    if (!fellow) throw peopleError('FELLOW_NOT_FOUND', `No fellow with id ${enrollment.fellowId}`);
    return fellow;
  }
}
