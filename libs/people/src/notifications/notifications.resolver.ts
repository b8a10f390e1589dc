import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ALL_ROLES, CurrentActor, IdArg, Roles, type Actor } from '#core';
import { Notification } from '../entities/index.js';
import { NotificationsService } from './notifications.service.js';

@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(private readonly service: NotificationsService) {}

  @Roles(...ALL_ROLES)
  @Query(() => [Notification], { description: 'Your notifications, newest first' })
  notifications(@CurrentActor() actor: Actor, @Args('includeDismissed', { defaultValue: false }) includeDismissed: boolean) {
    return this.service.list(actor, includeDismissed);
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => Notification)
  dismissNotification(@CurrentActor() actor: Actor, @IdArg('id') id: string) {
    return this.service.dismiss(actor, id);
  }
}
