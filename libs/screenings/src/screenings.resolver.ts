import { Args, Context, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ALL_ROLES, ConnectionType, CurrentActor, IdArg, MANAGERS, Roles, type Actor } from '#core';
import { Film } from '#films';
import { CreateScreeningInput, CreateVenueInput, ScreeningAttendanceInput, ScreeningsArgs } from './dto/screenings.inputs.js';
import { AttendanceCount, DailyAttendance, Screening, Venue } from './entities/index.js';
import { ScreeningsLoaders } from './screenings.loaders.js';
import { AttendanceImportResult, AttendanceImportService } from './attendance-import.service.js';
import { ScreeningsService } from './screenings.service.js';

@ObjectType()
export class ScreeningConnection extends ConnectionType(Screening) {}

const sum = (counts: AttendanceCount[]): AttendanceCount =>
  counts.reduce(
    (a, c) => ({ total: a.total + c.total, female: a.female + c.female, male: a.male + c.male, under18: a.under18 + c.under18 }),
    {
      total: 0,
      female: 0,
      male: 0,
      under18: 0,
    },
  );

@Resolver(() => Screening)
export class ScreeningsResolver {
  constructor(
    private readonly service: ScreeningsService,
    private readonly attendanceImport: AttendanceImportService,
    private readonly loaders: ScreeningsLoaders,
  ) {}

  @Roles(...MANAGERS)
  @Mutation(() => AttendanceImportResult, {
    description: 'Imports a screening tour attendance sheet (CSV: screening, day, total, female, male, under18): all rows or none',
  })
  importScreeningAttendance(@CurrentActor() actor: Actor, @Args('csv') csv: string) {
    return this.attendanceImport.import(actor, csv);
  }

  @Roles(...ALL_ROLES)
  @Query(() => [Venue])
  venues() {
    return this.service.listVenues();
  }

  @Roles(...ALL_ROLES)
  @Query(() => ScreeningConnection, { description: 'Screenings are public events: everyone signed in sees them' })
  screenings(@Args() args: ScreeningsArgs) {
    return this.service.list(args);
  }

  @Roles(...ALL_ROLES)
  @Query(() => Screening, { nullable: true })
  screening(@IdArg('id') id: string) {
    return this.service.get(id);
  }

  @Roles(...MANAGERS)
  @Mutation(() => Venue)
  createVenue(@Args('input') input: CreateVenueInput) {
    return this.service.createVenue(input);
  }

  @Roles(...MANAGERS)
  @Mutation(() => Screening)
  createScreening(@Args('input') input: CreateScreeningInput) {
    return this.service.create(input);
  }

  @Roles(...MANAGERS)
  @Mutation(() => Screening, { description: 'DRAFT -> SCHEDULED; CONFLICT if the venue is taken' })
  scheduleScreening(@IdArg('id') id: string) {
    return this.service.schedule(id);
  }

  @Roles(...MANAGERS)
  @Mutation(() => Screening)
  markScreeningHeld(@IdArg('id') id: string) {
    return this.service.markHeld(id);
  }

  @Roles(...MANAGERS)
  @Mutation(() => Screening)
  cancelScreening(@IdArg('id') id: string, @Args('reason', { type: () => String, nullable: true }) reason: string | null) {
    return this.service.cancel(id, reason);
  }

  @Roles(...MANAGERS)
  @Mutation(() => Screening)
  recordScreeningAttendance(@CurrentActor() actor: Actor, @Args('input') input: ScreeningAttendanceInput) {
    return this.service.recordAttendance(actor, input);
  }

  @ResolveField(() => Venue, { nullable: true })
  venue(@Parent() screening: Screening, @Context('req') req: object): Promise<Venue | null> | null {
    return screening.venueId ? this.loaders.for(req).venue.load(screening.venueId) : null;
  }

  @ResolveField(() => [Film], { description: 'In programme order' })
  films(@Parent() screening: Screening, @Context('req') req: object): Promise<Film[]> {
    return this.loaders.for(req).filmsOfScreening.load(screening.id);
  }

  @ResolveField(() => AttendanceCount, { description: 'Summed over all days' })
  async attendance(@Parent() screening: Screening, @Context('req') req: object): Promise<AttendanceCount> {
    return sum(await this.loaders.for(req).daysOfScreening.load(screening.id));
  }

  @ResolveField(() => [DailyAttendance])
  async attendanceByDay(@Parent() screening: Screening, @Context('req') req: object): Promise<DailyAttendance[]> {
    const loaders = this.loaders.for(req);
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

/** Where a film was shown; the film itself is only ever shown to its people and managers. */
@Resolver(() => Film)
export class FilmScreeningsResolver {
  constructor(private readonly loaders: ScreeningsLoaders) {}

  @ResolveField(() => [Screening])
  screenings(@Parent() film: Film, @Context('req') req: object): Promise<Screening[]> {
    return this.loaders.for(req).screeningsOfFilm.load(film.id);
  }
}
