import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IdArg, MANAGERS, Roles } from '#core';
import { FellowImportResult, FellowsImportService } from './fellows-import.service.js';

@Resolver(() => FellowImportResult)
export class FellowsImportResolver {
  constructor(private readonly service: FellowsImportService) {}

  @Roles(...MANAGERS)
  @Mutation(() => FellowImportResult, {
    description:
      'Imports fellows into a cohort from CSV (UTF-8; English or French headers): all rows or none; re-importing creates no duplicates',
  })
  importFellows(@IdArg('cohortId') cohortId: string, @Args('csv') csv: string) {
    return this.service.importFellows(cohortId, csv);
  }

  @Roles(...MANAGERS)
  @Query(() => String, { description: 'The fellows of a cohort as CSV, in the columns the import reads' })
  exportFellowsCsv(@IdArg('cohortId') cohortId: string) {
    return this.service.exportFellows(cohortId);
  }
}
