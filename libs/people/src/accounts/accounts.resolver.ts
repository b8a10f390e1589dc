import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ALL_ROLES, CurrentActor, MANAGERS, Public, Roles, type Actor } from '#core';
import { AuthPayload, InviteUserInput, IssuedInvitation } from '../dto/account.inputs.js';
import { Fellow, User } from '../entities/index.js';
import { PeopleLoaders } from '../people.loaders.js';
import { AccountsService } from './accounts.service.js';

@Resolver(() => User)
export class AccountsResolver {
  constructor(private readonly accounts: AccountsService) {}

  @Roles(...ALL_ROLES)
  @Query(() => User)
  me(@CurrentActor() actor: Actor) {
    return this.accounts.me(actor);
  }

  @Public()
  @Mutation(() => AuthPayload)
  login(@Args('email') email: string, @Args('password') password: string) {
    return this.accounts.login(email, password);
  }

  @Roles(...MANAGERS)
  @Mutation(() => IssuedInvitation)
  inviteUser(@CurrentActor() actor: Actor, @Args('input') input: InviteUserInput) {
    return this.accounts.invite(actor, input);
  }

  @Public()
  @Mutation(() => AuthPayload)
  acceptInvitation(@Args('token') token: string, @Args('password') password: string) {
    return this.accounts.accept(token, password);
  }
}

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
