import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Actor, Role } from './role.js';

export const ROLES_KEY = 'filmschool:roles';
export const PUBLIC_KEY = 'filmschool:public';

/**
 * Declares who may call a query, mutation or route. An operation without `@Roles` or `@Public` is denied.
 *
 * @example @Roles(Role.ADMIN, Role.PROGRAMME_MANAGER) @Mutation(() => Cohort) createCohort(...)
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Lets anonymous callers in (login, accepting an invitation, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Injects the authenticated caller into a resolver method. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const request = requestOf(context);
  if (!request.actor) throw new Error('CurrentActor used on an operation that is not authenticated');
  return request.actor;
});

export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  actor?: Actor;
}

export function requestOf(context: ExecutionContext): AuthenticatedRequest {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: AuthenticatedRequest }>().req;
  }
  return context.switchToHttp().getRequest<AuthenticatedRequest>();
}
