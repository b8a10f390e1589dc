import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ImpactReport } from '#reports';
import { Funder, Grant } from './entities/index.js';
import { fundingError } from './funding.errors.js';
import { FundingLoaders } from './funding.loaders.js';
import { FunderAmount } from './funding.models.js';

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

/** Funding's figures on the impact report: a field joining two domains, bound for the API's composition. */
@Resolver(() => ImpactReport)
export class ImpactFundingResolver {
  constructor(private readonly loaders: FundingLoaders) {}

  @ResolveField(() => [FunderAmount], { description: 'Grants active in the period, per funder and currency' })
  grantsByFunder(@Parent() report: ImpactReport, @Context('req') req: object): Promise<FunderAmount[]> {
    return this.loaders.for(req).amountsByFunder.load({ from: report.from, to: report.to, programmeId: report.programmeId });
  }
}
