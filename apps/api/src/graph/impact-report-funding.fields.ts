import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '#access';
import { FunderAmount, FundingLoaderSet } from '#funding';
import { ImpactReport } from '#reports';

/** Where the impact report meets funding: the amounts funders gave in the report's period. */
@Resolver(() => ImpactReport)
export class ImpactReportFundingResolver {
  @ResolveField(() => [FunderAmount], { description: 'Grants active in the period, per funder and currency' })
  grantsByFunder(@Parent() report: ImpactReport, @Ctx() ctx: RequestContext): Promise<FunderAmount[]> {
    return ctx.loaders(FundingLoaderSet).amountsByFunder.load({ from: report.from, to: report.to, programmeId: report.programmeId });
  }
}
