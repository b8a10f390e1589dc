import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '#access';
import { Cohort, Enrollment, Fellow, Programme, User } from '../entities/index.js';
import { PeopleLoaderSet } from '../people.loaders.js';
import { peopleError } from '../people.errors.js';

@Resolver(() => Cohort)
export class CohortFieldsResolver {
  @ResolveField(() => Programme)
  async programme(@Parent() cohort: Cohort, @Ctx() ctx: RequestContext): Promise<Programme> {
    const programme = cohort.programme ?? (await ctx.loaders(PeopleLoaderSet).programme.load(cohort.programmeId));
    if (!programme) throw peopleError('PROGRAMME_NOT_FOUND', `No programme with id ${cohort.programmeId}`);
    return programme;
  }

  @ResolveField(() => [Fellow], {
    description:
      'Enrolled and graduated fellows (withdrawn ones left out), by name, among those the caller may see: all for managers and the cohort’s trainers, yourself for a fellow',
  })
  async fellows(@Parent() cohort: Cohort, @Ctx() ctx: RequestContext): Promise<Fellow[]> {
    const fellows = await ctx.loaders(PeopleLoaderSet).fellowsOfCohort.load(cohort.id);
    return ctx.filter('fellow.profile', fellows, (fellow) => fellow.id);
  }

  @ResolveField(() => [User], { description: 'Shown to managers and to the people of the cohort' })
  async trainers(@Parent() cohort: Cohort, @Ctx() ctx: RequestContext): Promise<User[]> {
    if (!(await ctx.can('cohort.read', cohort.id))) return [];
    return ctx.loaders(PeopleLoaderSet).trainersOfCohort.load(cohort.id);
  }
}

@Resolver(() => Enrollment)
export class EnrollmentFieldsResolver {
  @ResolveField(() => Cohort)
  async cohort(@Parent() enrollment: Enrollment, @Ctx() ctx: RequestContext): Promise<Cohort> {
    const cohort = enrollment.cohort ?? (await ctx.loaders(PeopleLoaderSet).cohort.load(enrollment.cohortId));
    if (!cohort) throw peopleError('COHORT_NOT_FOUND', `No cohort with id ${enrollment.cohortId}`);
    return cohort;
  }

  @ResolveField(() => Fellow)
  async fellow(@Parent() enrollment: Enrollment, @Ctx() ctx: RequestContext): Promise<Fellow> {
    const fellow = enrollment.fellow ?? (await ctx.loaders(PeopleLoaderSet).fellow.load(enrollment.fellowId));
    if (!fellow) throw peopleError('FELLOW_NOT_FOUND', `No fellow with id ${enrollment.fellowId}`);
    return fellow;
  }
}
