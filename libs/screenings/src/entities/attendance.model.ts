import { Field, Int, ObjectType } from '@nestjs/graphql';
import { CalendarDate } from '#core';

@ObjectType()
export class AttendanceCount {
  @Field(() => Int)
  total: number;

  @Field(() => Int)
  female: number;

  @Field(() => Int)
  male: number;

  @Field(() => Int)
  under18: number;
}

@ObjectType()
export class DailyAttendance {
  @Field(() => CalendarDate)
  day: string;

  @Field(() => AttendanceCount)
  count: AttendanceCount;

  @Field({ description: 'More people than the venue holds: accepted, but worth a second look' })
  overCapacity: boolean;
}
