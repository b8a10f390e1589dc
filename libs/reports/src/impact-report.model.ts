import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { CalendarDate, AttendanceCount } from '#core';

@ObjectType()
export class CountByKey {
  @Field()
  key: string;

  @Field(() => Int)
  count: number;
}

/**
 * Figures for a period count what happened in it, by the dates of the events themselves (not when they were
 * entered): cohorts active in the period, sessions and screenings that started in it (local dates), festival
 * editions that took place in it. With `programmeId`, only that programme's cohorts and their films count.
 */
@ObjectType()
export class ImpactReport {
  @Field(() => CalendarDate)
  from: string;

  @Field(() => CalendarDate)
  to: string;

  @Field(() => ID, { nullable: true, description: 'The programme the figures are narrowed to, if any' })
  programmeId: string | null;

  @Field(() => Int, { description: 'Distinct fellows enrolled (not withdrawn) in a cohort active in the period' })
  fellows: number;

  @Field(() => [CountByKey], { description: 'key: the Gender value' })
  fellowsByGender: CountByKey[];

  @Field(() => [CountByKey], { description: "key: the fellow's region, UNKNOWN when not recorded" })
  fellowsByRegion: CountByKey[];

  @Field(() => Int)
  trainingSessionsHeld: number;

  @Field(() => Float, { description: 'PRESENT or LATE marks over all marks of sessions held; 0 when none' })
  trainingAttendanceRate: number;

  @Field(() => Int, { description: 'Films of the cohorts active in the period' })
  films: number;

  @Field(() => Int, { description: 'Of those, at stage FINAL_CUT' })
  filmsCompleted: number;

  @Field(() => Int, { description: 'Entries past DRAFT in editions held in the period' })
  festivalEntries: number;

  @Field(() => Int, { description: 'Of those, SELECTED' })
  festivalSelections: number;

  @Field(() => [String], { description: 'Festival names' })
  festivalsWithSelections: string[];

  @Field(() => Int)
  awards: number;

  @Field(() => Int)
  screeningsHeld: number;

  @Field(() => [CountByKey], { description: "key: the venue's region; ONLINE without a venue, UNKNOWN without a region" })
  screeningsByRegion: CountByKey[];

  @Field(() => AttendanceCount)
  screeningAttendance: AttendanceCount;
}
