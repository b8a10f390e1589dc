import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CalendarDate, MANAGERS, Roles } from '#core';
import { ImpactReport } from './impact-report.model.js';
import { ReportsService } from './reports.service.js';

@Resolver(() => ImpactReport)
export class ReportsResolver {
  constructor(private readonly service: ReportsService) {}

  @Roles(...MANAGERS)
  @Query(() => ImpactReport, { description: 'The figures of a period (dates inclusive), for funders' })
  impactReport(
    @Args('from', { type: () => CalendarDate }) from: string,
    @Args('to', { type: () => CalendarDate }) to: string,
    @Args('programmeId', { type: () => ID, nullable: true }, new ParseUUIDPipe({ optional: true })) programmeId?: string,
  ) {
    return this.service.impactReport(from, to, programmeId ?? null);
  }
}
