import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { FunderAmount, FundingLoaders } from '#funding';
import { ImpactReport } from './impact-report.model.js';

/**
 * Funding's figures on the impact report. It joins two domains, so it belongs in the API's composition; it sits
 * here until that move because reports already depends on funding (report documents list the funders) and a
 * resolver in libs/funding would need `#reports` back: an import cycle that fails at load time.
 */
@Resolver(() => ImpactReport)
export class ImpactReportFieldsResolver {
  constructor(private readonly funding: FundingLoaders) {}

  @ResolveField(() => [FunderAmount], { description: 'Grants active in the period, per funder and currency' })
  grantsByFunder(@Parent() report: ImpactReport, @Context('req') req: object): Promise<FunderAmount[]> {
    return this.funding.for(req).amountsByFunder.load({ from: report.from, to: report.to, programmeId: report.programmeId });
  }
}
