import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '#access';
import { CalendarDate, MANAGERS, Roles } from '#core';
import { fundingError } from './funding.errors.js';
import { CreateFunderInput, CreateGrantInput, GrantTotalsFilter } from './dto/funding.inputs.js';
import { Funder, Grant } from './entities/index.js';
import { CurrencyTotal, ReportingDeadline } from './funding.models.js';
import { FundingService } from './funding.service.js';

@Resolver(() => Grant)
export class FundingResolver {
  constructor(private readonly service: FundingService) {}

  @Roles(...MANAGERS)
  @Query(() => [Funder])
  funders() {
    return this.service.listFunders();
  }

  @Roles(...MANAGERS)
  @Query(() => [Grant])
  grants(@Args('funderId', { nullable: true }) funderId?: string) {
    return this.service.listGrants(funderId);
  }

  @Roles(...MANAGERS)
  @Query(() => [CurrencyTotal], {
    description: 'Grants added up per currency (never converted nor summed across currencies), for a funder, a programme or a period',
  })
  grantTotals(@Args('filter', { type: () => GrantTotalsFilter, nullable: true }) filter?: GrantTotalsFilter) {
    return this.service.totalsPerCurrency(filter ?? {});
  }

  @Roles(...MANAGERS)
  @Query(() => [ReportingDeadline], { description: 'Reports due to funders in the next `days` days (default 90)' })
  upcomingReporting(@Args('days', { type: () => Int, defaultValue: 90 }) days: number) {
    return this.service.upcomingReporting(days);
  }

  @Roles(...MANAGERS)
  @Query(() => [ReportingDeadline], { description: 'Reports past their due date (Bamako time) that nobody marked sent, oldest first' })
  overdueReporting() {
    return this.service.overdueReporting();
  }

  @Roles(...MANAGERS)
  @Mutation(() => ReportingDeadline, {
    description: "Marks a grant's report due on `dueOn` as sent, by the caller, now; marking it again keeps the first mark",
  })
  markReportingDone(
    @Ctx() ctx: RequestContext,
    @Args(
      'grantId',
      { type: () => ID },
      new ParseUUIDPipe({ exceptionFactory: () => fundingError('GRANT_NOT_FOUND', 'No grant with that id') }),
    )
    grantId: string,
    @Args('dueOn', { type: () => CalendarDate }) dueOn: string,
  ) {
    return this.service.markReportingDone(ctx.actor.id, grantId, dueOn);
  }

  @Roles(...MANAGERS)
  @Mutation(() => Funder)
  createFunder(@Args('input') input: CreateFunderInput) {
    return this.service.createFunder(input);
  }

  @Roles(...MANAGERS)
  @Mutation(() => Grant)
  createGrant(@Args('input') input: CreateGrantInput) {
    return this.service.createGrant(input);
  }
}
