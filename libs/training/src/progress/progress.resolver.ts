import { Query, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '#access';
import { ALL_ROLES, IdArg, Roles } from '#core';
import { FellowProgress } from './fellow-progress.model.js';
import { ProgressService } from './progress.service.js';

@Resolver(() => FellowProgress)
export class ProgressResolver {
  constructor(private readonly service: ProgressService) {}

  @Roles(...ALL_ROLES)
  @Query(() => [FellowProgress], { description: 'Per fellow: sessions held and attended, rate and atRisk; a fellow sees their own line' })
  cohortProgress(@Ctx() ctx: RequestContext, @IdArg('cohortId') cohortId: string) {
    return this.service.cohortProgress(ctx, cohortId);
  }
}
