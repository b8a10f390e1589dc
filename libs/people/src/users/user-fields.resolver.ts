import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '#core';
import { Fellow, User } from '../entities/index.js';
import { PeopleLoaders } from '../people.loaders.js';

@Resolver(() => User)
export class UserFieldsResolver {
  constructor(private readonly loaders: PeopleLoaders) {}

  @ResolveField(() => Fellow, { nullable: true, description: 'The fellow profile linked to a FELLOW account' })
  async fellow(@Parent() user: User, @CurrentActor() actor: Actor, @Context('req') req: object): Promise<Fellow | null> {
    if (!user.fellowId) return null;
    const { fellow, scope } = this.loaders.for(req, actor);
    return scope.seesPrivateDetailsOf(user.fellowId) ? fellow.load(user.fellowId) : null;
  }
}
