import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { RequestContext } from './request-context.js';

/** The GraphQL context: the request and its RequestContext, built once per request by the API. */
export interface GraphqlContext {
  req: object;
  ctx: RequestContext;
}

/**
 * Injects the request's context into a resolver method.
 *
 * @example film(@Ctx() ctx: RequestContext, @IdArg('id') id: string) { return this.films.get(ctx, id); }
 */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext => {
  const graphqlContext = GqlExecutionContext.create(context).getContext<GraphqlContext>();
  if (!graphqlContext.ctx) throw new Error('No RequestContext in the GraphQL context: the API context factory builds it');
  return graphqlContext.ctx;
});
