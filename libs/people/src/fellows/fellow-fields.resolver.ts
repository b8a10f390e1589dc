import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type Permission, type RequestContext } from '#access';
import { Cohort, Fellow, User } from '../entities/index.js';
import { PeopleLoaderSet } from '../people.loaders.js';

/** A fellow field shown only to those holding `permission` on the fellow, null for anyone else. */
async function guarded<T>(ctx: RequestContext, permission: Permission, fellow: Fellow, value: () => T | Promise<T>): Promise<T | null> {
  return (await ctx.can(permission, fellow.id)) ? value() : null;
}

/**
 * The fellow's fields beyond the public name, gender and country. Each checks access itself, so whatever path
 * reaches a fellow (a film's directors, a roll call, a festival entry), only those allowed see more.
 */
@Resolver(() => Fellow)
export class FellowFieldsResolver {
  @ResolveField(() => [Cohort], { description: 'Cohorts the fellow is or was enrolled in, among those the caller may see' })
  async cohorts(@Parent() fellow: Fellow, @Ctx() ctx: RequestContext): Promise<Cohort[]> {
    if (!(await ctx.can('fellow.profile', fellow.id))) return [];
    const cohorts = await ctx.loaders(PeopleLoaderSet).cohortsOfFellow.load(fellow.id);
    return ctx.filter('cohort.read', cohorts, (cohort) => cohort.id);
  }

  @ResolveField(() => User, { nullable: true, description: 'The account: shown to managers and to the fellow, null for others' })
  user(@Parent() fellow: Fellow, @Ctx() ctx: RequestContext): Promise<User | null> {
    return guarded(ctx, 'fellow.account', fellow, () => ctx.loaders(PeopleLoaderSet).userOfFellow.load(fellow.id));
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Shown to managers, the trainers of the fellow’s cohorts and the fellow; null for others',
  })
  email(@Parent() fellow: Fellow, @Ctx() ctx: RequestContext): Promise<string | null> {
    return guarded(ctx, 'fellow.contact', fellow, () => fellow.email);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Shown to managers, the trainers of the fellow’s cohorts and the fellow; null for others',
  })
  phone(@Parent() fellow: Fellow, @Ctx() ctx: RequestContext): Promise<string | null> {
    return guarded(ctx, 'fellow.contact', fellow, () => fellow.phone);
  }

  @ResolveField(() => String, { nullable: true, description: 'Shown to those who see the fellow’s profile; null for others' })
  city(@Parent() fellow: Fellow, @Ctx() ctx: RequestContext): Promise<string | null> {
    return guarded(ctx, 'fellow.profile', fellow, () => fellow.city);
  }

  @ResolveField(() => String, { nullable: true, description: 'Shown to those who see the fellow’s profile; null for others' })
  region(@Parent() fellow: Fellow, @Ctx() ctx: RequestContext): Promise<string | null> {
    return guarded(ctx, 'fellow.profile', fellow, () => fellow.region);
  }

  @ResolveField(() => Date, { nullable: true, description: 'Shown to those who see the fellow’s profile; null for others' })
  archivedAt(@Parent() fellow: Fellow, @Ctx() ctx: RequestContext): Promise<Date | null> {
    return guarded(ctx, 'fellow.profile', fellow, () => fellow.archivedAt);
  }
}
