import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { PUBLIC_KEY, requestOf, ROLES_KEY, type Actor, type Role } from '#core';
import { identityError } from '../identity.errors.js';

/** Loads the caller named by a token's subject; AccountsService provides it. */
export interface ActorLoader {
  load(userId: string): Promise<Actor | null>;
}
export const ACTOR_LOADER = Symbol('ACTOR_LOADER');

export interface AccessTokenClaims {
  sub: string;
  role: Role;
}

/**
 * The first authorization step, global: authenticates the bearer token and checks the roles an operation
 * declares. Object-level rules are the services' second step.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @Inject(ACTOR_LOADER) private readonly actors: ActorLoader,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets) ?? false;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const request = requestOf(context);
    if (isPublic) return true;

    request.actor = await this.authenticate(request.headers.authorization);
    if (!roles) throw identityError('NO_ROLES_DECLARED', 'This operation declares no roles, so nobody may call it');
    if (!roles.includes(request.actor.role)) {
      throw identityError('ROLE_NOT_ALLOWED', `This operation is for ${roles.join(', ')}; you are ${request.actor.role}`, {
        allowedRoles: roles,
      });
    }
    return true;
  }

  private async authenticate(header: string | string[] | undefined): Promise<Actor> {
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) throw new UnauthorizedException('Sign in first: send `Authorization: Bearer <accessToken>` from `login`');
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims & object>(token);
    } catch {
      throw new UnauthorizedException('The access token is invalid or has expired: sign in again');
    }
    const actor = await this.actors.load(claims.sub);
    if (!actor) throw new UnauthorizedException('The account of this access token no longer exists');
    return actor;
  }
}
