import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, Role, type Actor } from '#core';
import { Cohort, Fellow, User } from '../entities/index.js';
import { PeopleLoaders } from '../people.loaders.js';

@Resolver(() => Fellow)
export class FellowFieldsResolver {
  constructor(private readonly loaders: PeopleLoaders) {}

  @ResolveField(() => [Cohort], { description: 'Cohorts the fellow is or was enrolled in, among those the caller may see' })
  async cohorts(@Parent() fellow: Fellow, @CurrentActor() actor: Actor, @Context('req') req: object): Promise<Cohort[]> {
    const { cohortsOfFellow, scope } = this.loaders.for(req, actor);
    const cohorts = await cohortsOfFellow.load(fellow.id);
    if (scope.seesAll) return cohorts;
    const visible = await scope.visibleCohortIds();
    return cohorts.filter((cohort) => visible.has(cohort.id));
  }

  @ResolveField(() => User, { nullable: true, description: 'The account, shown to managers and to the fellow' })
  async user(@Parent() fellow: Fellow, @CurrentActor() actor: Actor, @Context('req') req: object): Promise<User | null> {
    const { userOfFellow, scope } = this.loaders.for(req, actor);
    return scope.seesPrivateDetailsOf(fellow.id) ? userOfFellow.load(fellow.id) : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'Shown to managers, trainers and the fellow' })
  email(@Parent() fellow: Fellow, @CurrentActor() actor: Actor): string | null {
    return seesContact(actor, fellow) ? fellow.email : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'Shown to managers, trainers and the fellow' })
  phone(@Parent() fellow: Fellow, @CurrentActor() actor: Actor): string | null {
    return seesContact(actor, fellow) ? fellow.phone : null;
  }
}

// A trainer only ever reaches fellows of their own cohorts, so trainers see the contact of any fellow they see.
const seesContact = (actor: Actor, fellow: Fellow): boolean => actor.role !== Role.FELLOW || actor.fellowId === fellow.id;
