import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Funder, Grant } from './entities/index.js';
import { fundingError } from './funding.errors.js';
import { FundingLoaders } from './funding.loaders.js';

@Resolver(() => Grant)
export class GrantFieldsResolver {
  constructor(private readonly loaders: FundingLoaders) {}

  @ResolveField(() => Funder)
  async funder(@Parent() grant: Grant, @Context('req') req: object): Promise<Funder> {
    const funder = grant.funder ?? (await this.loaders.for(req).funder.load(grant.funderId));
    if (!funder) throw fundingError('FUNDER_NOT_FOUND', `No funder with id ${grant.funderId}`);
    return funder;
  }

  @ResolveField(() => [String], { description: 'Names of the programmes funded' })
  programmes(@Parent() grant: Grant, @Context('req') req: object): Promise<string[]> {
    return this.loaders.for(req).programmeNamesOfGrant.load(grant.id);
  }
}
