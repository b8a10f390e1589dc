import { Args, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '#access';
import { ALL_ROLES, ConnectionType, IdArg, MANAGERS, Roles } from '#core';
import { CreateScreeningInput, CreateVenueInput, ScreeningAttendanceInput, ScreeningsArgs } from './dto/screenings.inputs.js';
import { Screening, Venue } from './entities/index.js';
import { AttendanceImportResult, AttendanceImportService } from './attendance-import.service.js';
import { ScreeningsService } from './screenings.service.js';

@ObjectType()
export class ScreeningConnection extends ConnectionType(Screening) {}

@Resolver(() => Screening)
export class ScreeningsResolver {
  constructor(
    private readonly service: ScreeningsService,
    private readonly attendanceImport: AttendanceImportService,
  ) {}

  @Roles(...MANAGERS)
  @Mutation(() => AttendanceImportResult, {
    description: 'Imports a screening tour attendance sheet (CSV: screening, day, total, female, male, under18): all rows or none',
  })
  importScreeningAttendance(@Ctx() ctx: RequestContext, @Args('csv') csv: string) {
    return this.attendanceImport.import(ctx, csv);
  }

  @Roles(...ALL_ROLES)
  @Query(() => [Venue])
  venues() {
    return this.service.listVenues();
  }

  @Roles(...ALL_ROLES)
  @Query(() => ScreeningConnection, {
    description: 'Screenings are public events: everyone signed in sees the scheduled, held and cancelled ones; drafts are for managers',
  })
  screenings(@Ctx() ctx: RequestContext, @Args() args: ScreeningsArgs) {
    return this.service.list(ctx, args);
  }

  @Roles(...ALL_ROLES)
  @Query(() => Screening, { nullable: true, description: 'Null when unknown, or a draft and you are not a manager' })
  screening(@Ctx() ctx: RequestContext, @IdArg('id') id: string) {
    return this.service.get(ctx, id);
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
  recordScreeningAttendance(@Ctx() ctx: RequestContext, @Args('input') input: ScreeningAttendanceInput) {
    return this.service.recordAttendance(ctx, input);
  }
}
