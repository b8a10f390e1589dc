import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FUNDING_ENTITIES } from './entities/index.js';
import { GrantFieldsResolver } from './funding-fields.resolver.js';
import { FundingResolver } from './funding.resolver.js';
import { FundingService } from './funding.service.js';

export const FUNDING_RESOLVERS = [FundingResolver, GrantFieldsResolver];

/** Funders, grants and their loaders, for the API and for the libraries that report on them. */
@Module({
  imports: [TypeOrmModule.forFeature(FUNDING_ENTITIES)],
  providers: [FundingService],
  exports: [FundingService],
})
export class FundingModule {}

@Module({ imports: [FundingModule], providers: FUNDING_RESOLVERS, exports: [FundingModule] })
export class FundingApiModule {}
