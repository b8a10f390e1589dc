import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarFeed } from './calendar-feed.entity.js';
import { CalendarController } from './calendar.controller.js';
import { CalendarResolver } from './calendar.resolver.js';
import { CalendarService } from './calendar.service.js';

export const CALENDAR_ENTITIES = [CalendarFeed];
export const CALENDAR_RESOLVERS = [CalendarResolver];

/** Private iCalendar feeds of sessions and screenings (reads the training and screenings tables). */
@Module({
  imports: [TypeOrmModule.forFeature(CALENDAR_ENTITIES)],
  providers: [CalendarService, ...CALENDAR_RESOLVERS],
  controllers: [CalendarController],
})
export class CalendarApiModule {}
