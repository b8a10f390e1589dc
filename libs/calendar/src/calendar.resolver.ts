import { Mutation, Resolver } from '@nestjs/graphql';
import { ALL_ROLES, CurrentActor, Roles, type Actor } from '#core';
import { CalendarService } from './calendar.service.js';

@Resolver()
export class CalendarResolver {
  constructor(private readonly service: CalendarService) {}

  @Roles(...ALL_ROLES)
  @Mutation(() => String, {
    description: 'A private iCalendar URL of your training sessions, shown once; issuing again revokes the old one',
  })
  issueCalendarFeed(@CurrentActor() actor: Actor): Promise<string> {
    return this.service.issue(actor);
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => Boolean, { description: 'Stops your calendar URL from working' })
  revokeCalendarFeed(@CurrentActor() actor: Actor): Promise<boolean> {
    return this.service.revoke(actor);
  }
}
