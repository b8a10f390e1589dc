import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FilmsModule } from '#films';
import { FESTIVALS_ENTITIES } from './entities/index.js';
import { FestivalsResolver } from './festivals.resolver.js';
import {
  AwardFieldsResolver,
  FestivalEditionFieldsResolver,
  FestivalEntryFieldsResolver,
  FestivalFieldsResolver,
} from './festival-fields.resolver.js';
import { AccessRulesModule } from '#access';
import { FESTIVALS_ACCESS_RULES } from './festivals.access.js';
import { FestivalsService } from './festivals.service.js';

export const FESTIVALS_RESOLVERS = [
  FestivalsResolver,
  FestivalEditionFieldsResolver,
  FestivalFieldsResolver,
  FestivalEntryFieldsResolver,
  AwardFieldsResolver,
];

@Module({
  imports: [TypeOrmModule.forFeature(FESTIVALS_ENTITIES), FilmsModule, AccessRulesModule.forFeature('festivals', FESTIVALS_ACCESS_RULES)],
  providers: [FestivalsService],
  exports: [FilmsModule, FestivalsService],
})
export class FestivalsModule {}

@Module({ imports: [FestivalsModule], providers: FESTIVALS_RESOLVERS })
export class FestivalsApiModule {}
