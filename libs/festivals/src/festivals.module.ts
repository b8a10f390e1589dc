import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FilmsModule } from '#films';
import { FESTIVALS_ENTITIES } from './entities/index.js';
import { FestivalsLoaders } from './festivals.loaders.js';
import {
  AwardFieldsResolver,
  EntryStatusChangeFieldsResolver,
  FestivalEditionFieldsResolver,
  FestivalEntryFieldsResolver,
  FestivalsResolver,
  FilmFestivalsResolver,
} from './festivals.resolver.js';
import { FestivalsService } from './festivals.service.js';

export const FESTIVALS_RESOLVERS = [
  FestivalsResolver,
  FestivalEditionFieldsResolver,
  FestivalEntryFieldsResolver,
  EntryStatusChangeFieldsResolver,
  AwardFieldsResolver,
  FilmFestivalsResolver,
];

@Module({
  imports: [TypeOrmModule.forFeature(FESTIVALS_ENTITIES), FilmsModule],
  providers: [FestivalsService, FestivalsLoaders],
  exports: [FilmsModule, FestivalsService, FestivalsLoaders],
})
export class FestivalsModule {}

@Module({ imports: [FestivalsModule], providers: FESTIVALS_RESOLVERS })
export class FestivalsApiModule {}
