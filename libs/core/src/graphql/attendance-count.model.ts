import { Field, Int, ObjectType } from '@nestjs/graphql';

/**
 * Spectators counted at an event, by gender and age: one GraphQL type for a screening's attendance and the
 * impact report's totals, so that both read the same way.
 */
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
