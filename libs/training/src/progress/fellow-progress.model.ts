import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Cohort, Fellow } from '#people';

@ObjectType()
export class FellowProgress {
  @Field(() => Fellow)
  fellow: Fellow;

  @Field(() => Cohort)
  cohort: Cohort;

  @Field(() => Int)
  sessionsHeld: number;

  @Field(() => Int, { description: 'Held sessions marked PRESENT or LATE' })
  sessionsAttended: number;

  @Field(() => Float, { description: 'sessionsAttended / sessionsHeld, 0 when none held' })
  attendanceRate: number;

  @Field({ description: 'Attendance under the threshold (default 75%) after enough held sessions (default 4)' })
  atRisk: boolean;
}
