import { Field, ObjectType } from '@nestjs/graphql';
import { AttendanceCount, CalendarDate } from '#core';

export { AttendanceCount };

@ObjectType()
export class DailyAttendance {
  @Field(() => CalendarDate)
  day: string;

  @Field(() => AttendanceCount)
  count: AttendanceCount;

  @Field({ description: 'More people than the venue holds: accepted, but worth a second look' })
  overCapacity: boolean;
}
