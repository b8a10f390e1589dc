import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '#access';
import { Cohort, Fellow, User } from '../entities/index.js';
import { PeopleLoaderSet } from '../people.loaders.js';
import { peopleError } from '../people.errors.js';

@Resolver(() => User)
export class UserFieldsResolver {
  @ResolveField(() => String, {
    description:
      'Shown to the user, managers, and the people of a cohort the user trains. Fields that lead to other users (`by`, `author`, `trainers`) leave out those whose e-mail the caller may not see; anywhere else this field answers FORBIDDEN',
  })
  async email(@Parent() user: User, @Ctx() ctx: RequestContext): Promise<string> {
    if (!(await ctx.can('user.contact', user.id))) throw peopleError('NOT_VISIBLE', `The e-mail of user ${user.id} is not shown to you`);
    return user.email;
  }

  @ResolveField(() => [Cohort], { description: 'The cohorts this user trains, among those the caller may see' })
  async cohorts(@Parent() user: User, @Ctx() ctx: RequestContext): Promise<Cohort[]> {
    const cohorts = await ctx.loaders(PeopleLoaderSet).cohortsOfTrainer.load(user.id);
    return ctx.filter('cohort.read', cohorts, (cohort) => cohort.id);
  }

  @ResolveField(() => Fellow, { nullable: true, description: 'The fellow profile linked to a FELLOW account: for managers and the fellow' })
  async fellow(@Parent() user: User, @Ctx() ctx: RequestContext): Promise<Fellow | null> {
    if (!user.fellowId || !(await ctx.can('fellow.account', user.fellowId))) return null;
    return ctx.loaders(PeopleLoaderSet).fellow.load(user.fellowId);
  }
}
