import { Context, Query, Resolver } from '@nestjs/graphql';
import { ALL_ROLES, CurrentActor, IdArg, Roles, type Actor } from '#core';
import { PeopleLoaders } from '#people';
import { FellowProgress } from './fellow-progress.model.js';
import { ProgressService } from './progress.service.js';

@Resolver(() => FellowProgress)
export class ProgressResolver {
  constructor(
    private readonly service: ProgressService,
    private readonly people: PeopleLoaders,
  ) {}

  @Roles(...ALL_ROLES)
  @Query(() => [FellowProgress], { description: 'Per fellow: sessions held and attended, rate and atRisk; a fellow sees their own line' })
  cohortProgress(@CurrentActor() actor: Actor, @Context('req') req: object, @IdArg('cohortId') cohortId: string) {
    return this.service.cohortProgress(this.people.for(req, actor).scope, cohortId);
  }
}
