import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '#access';
import { ALL_ROLES, IdArg, Roles } from '#core';
import { Notification } from '../entities/index.js';
import { NotificationsService } from './notifications.service.js';

@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(private readonly service: NotificationsService) {}

  @Roles(...ALL_ROLES)
  @Query(() => [Notification], { description: 'Your notifications, newest first' })
  notifications(@Ctx() ctx: RequestContext, @Args('includeDismissed', { defaultValue: false }) includeDismissed: boolean) {
    return this.service.list(ctx, includeDismissed);
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => Notification)
  dismissNotification(@Ctx() ctx: RequestContext, @IdArg('id') id: string) {
    return this.service.dismiss(ctx, id);
  }
}
