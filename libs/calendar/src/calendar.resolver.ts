import { Mutation, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '#access';
import { ALL_ROLES, Roles } from '#core';
import { CalendarService } from './calendar.service.js';

@Resolver()
export class CalendarResolver {
  constructor(private readonly service: CalendarService) {}

  @Roles(...ALL_ROLES)
  @Mutation(() => String, {
    description: 'A private iCalendar URL of your training sessions, shown once; issuing again revokes the old one',
  })
  issueCalendarFeed(@Ctx() ctx: RequestContext): Promise<string> {
    return this.service.issue(ctx);
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => Boolean, { description: 'Stops your calendar URL from working' })
  revokeCalendarFeed(@Ctx() ctx: RequestContext): Promise<boolean> {
    return this.service.revoke(ctx);
  }
}
