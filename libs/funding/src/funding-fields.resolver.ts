import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '#access';
import { Funder, Grant } from './entities/index.js';
import { fundingError } from './funding.errors.js';
import { FundingLoaderSet } from './funding.loaders.js';
import { amountText, numberAsDecimal } from './money.js';

@Resolver(() => Grant)
export class GrantFieldsResolver {
  @ResolveField(() => Funder)
  async funder(@Parent() grant: Grant, @Ctx() ctx: RequestContext): Promise<Funder> {
    const funder = grant.funder ?? (await ctx.loaders(FundingLoaderSet).funder.load(grant.funderId));
    if (!funder) throw fundingError('FUNDER_NOT_FOUND', `No funder with id ${grant.funderId}`);
    return funder;
  }

  @ResolveField(() => String, {
    name: 'amountText',
    description: 'The exact amount, written with the currency\'s minor units ("12500000" XOF, "60000.00" EUR)',
  })
  amountText(@Parent() grant: Grant): string {
    return amountText(numberAsDecimal(grant.amount), grant.currency);
  }

  @ResolveField(() => [String], { description: 'Names of the programmes funded' })
  programmes(@Parent() grant: Grant, @Ctx() ctx: RequestContext): Promise<string[]> {
    return ctx.loaders(FundingLoaderSet).programmeNamesOfGrant.load(grant.id);
  }
}
