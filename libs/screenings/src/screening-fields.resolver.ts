import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '#access';
import { AttendanceCount, DailyAttendance, Screening, Venue } from './entities/index.js';
import { ScreeningsLoaderSet } from './screenings.loaders.js';

const sum = (counts: AttendanceCount[]): AttendanceCount =>
  counts.reduce(
    (a, c) => ({ total: a.total + c.total, female: a.female + c.female, male: a.male + c.male, under18: a.under18 + c.under18 }),
    { total: 0, female: 0, male: 0, under18: 0 },
  );

@Resolver(() => Screening)
export class ScreeningFieldsResolver {
  @ResolveField(() => Venue, { nullable: true })
  venue(@Parent() screening: Screening, @Ctx() ctx: RequestContext): Promise<Venue | null> | null {
    return screening.venueId ? ctx.loaders(ScreeningsLoaderSet).venue.load(screening.venueId) : null;
  }

  @ResolveField(() => AttendanceCount, { description: 'Summed over all days' })
  async attendance(@Parent() screening: Screening, @Ctx() ctx: RequestContext): Promise<AttendanceCount> {
    return sum(await ctx.loaders(ScreeningsLoaderSet).daysOfScreening.load(screening.id));
  }

  @ResolveField(() => [DailyAttendance])
  async attendanceByDay(@Parent() screening: Screening, @Ctx() ctx: RequestContext): Promise<DailyAttendance[]> {
    const loaders = ctx.loaders(ScreeningsLoaderSet);
    const [days, venue] = await Promise.all([
      loaders.daysOfScreening.load(screening.id),
      screening.venueId ? loaders.venue.load(screening.venueId) : null,
    ]);
    return days.map((d) => ({
      day: d.day,
      count: { total: d.total, female: d.female, male: d.male, under18: d.under18 },
      overCapacity: venue?.capacity != null && d.total > venue.capacity,
    }));
  }
}
