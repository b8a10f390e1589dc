import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '#core';
import { Cohort, Programme } from '../entities/index.js';
import { PeopleLoaders } from '../people.loaders.js';

@Resolver(() => Programme)
export class ProgrammeFieldsResolver {
  constructor(private readonly loaders: PeopleLoaders) {}

  @ResolveField(() => [Cohort], { description: 'Active cohorts the caller may see' })
  async cohorts(@Parent() programme: Programme, @CurrentActor() actor: Actor, @Context('req') req: object): Promise<Cohort[]> {
    const { cohortsOfProgramme, scope } = this.loaders.for(req, actor);
    const cohorts = await cohortsOfProgramme.load(programme.id);
    if (scope.seesAll) return cohorts;
    const visible = await scope.visibleCohortIds();
    return cohorts.filter((cohort) => visible.has(cohort.id));
  }
}
