import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ALL_ROLES, CurrentActor, MANAGERS, Public, Roles, type Actor, type AuthenticatedRequest } from '#core';
import { User } from '#people';
import { AuthPayload, InviteUserInput, IssuedInvitation } from '../dto/account.inputs.js';
import type { ClientRequest } from '../sign-in/sign-in-limits.js';
import { AccountsService, actorOf } from './accounts.service.js';

/** The GraphQL context's request: the caller (set by the guard), and the socket and headers its address comes from. */
type Request = AuthenticatedRequest & ClientRequest;

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
  async login(@Context('req') req: Request, @Args('email') email: string, @Args('password') password: string) {
    return signedIn(req, await this.accounts.login(email, password, req));
  }

  @Roles(...MANAGERS)
  @Mutation(() => IssuedInvitation)
  inviteUser(@CurrentActor() actor: Actor, @Args('input') input: InviteUserInput) {
    return this.accounts.invite(actor, input);
  }

  @Public()
  @Mutation(() => AuthPayload)
  async acceptInvitation(@Context('req') req: Request, @Args('token') token: string, @Args('password') password: string) {
    return signedIn(req, await this.accounts.accept(token, password, req));
  }
}

/** From here on the request acts as the account that just signed in, so `user { fellow }` resolves for it. */
function signedIn(req: AuthenticatedRequest, payload: AuthPayload): AuthPayload {
  req.actor = actorOf(payload.user);
  return payload;
}
