import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '#access';
import { Cohort, Programme } from '../entities/index.js';
import { PeopleLoaderSet } from '../people.loaders.js';

@Resolver(() => Programme)
export class ProgrammeFieldsResolver {
  @ResolveField(() => [Cohort], { description: 'Active cohorts the caller may see' })
  async cohorts(@Parent() programme: Programme, @Ctx() ctx: RequestContext): Promise<Cohort[]> {
    const cohorts = await ctx.loaders(PeopleLoaderSet).cohortsOfProgramme.load(programme.id);
    return ctx.filter('cohort.read', cohorts, (cohort) => cohort.id);
  }
}
