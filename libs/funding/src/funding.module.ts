import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FUNDING_ENTITIES } from './funding.entities.js';
import { FundingResolver, ImpactFundingResolver } from './funding.resolver.js';
import { FundingService } from './funding.service.js';

export const FUNDING_RESOLVERS = [FundingResolver, ImpactFundingResolver];

@Module({
  imports: [TypeOrmModule.forFeature(FUNDING_ENTITIES)],
  providers: [FundingService, ...FUNDING_RESOLVERS],
  exports: [FundingService],
})
export class FundingApiModule {}
