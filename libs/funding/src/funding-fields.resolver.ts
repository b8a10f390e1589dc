import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '#access';
import { Funder, Grant } from './entities/index.js';
import { fundingError } from './funding.errors.js';
import { FundingLoaderSet } from './funding.loaders.js';

@Resolver(() => Grant)
export class GrantFieldsResolver {
  @ResolveField(() => Funder)
  async funder(@Parent() grant: Grant, @Ctx() ctx: RequestContext): Promise<Funder> {
    const funder = grant.funder ?? (await ctx.loaders(FundingLoaderSet).funder.load(grant.funderId));
    if (!funder) throw fundingError('FUNDER_NOT_FOUND', `No funder with id ${grant.funderId}`);
    return funder;
  }

  @ResolveField(() => [String], { description: 'Names of the programmes funded' })
  programmes(@Parent() grant: Grant, @Ctx() ctx: RequestContext): Promise<string[]> {
    return ctx.loaders(FundingLoaderSet).programmeNamesOfGrant.load(grant.id);
  }
}
