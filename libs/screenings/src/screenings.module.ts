import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FilmsModule } from '#films';
import { SCREENINGS_ENTITIES } from './entities/index.js';
import { ScreeningsLoaders } from './screenings.loaders.js';
import { FilmScreeningsResolver, ScreeningsResolver } from './screenings.resolver.js';
import { ScreeningsService } from './screenings.service.js';
import { SendRemindersJob } from './send-reminders.job.js';

export const SCREENINGS_RESOLVERS = [ScreeningsResolver, FilmScreeningsResolver];

@Module({
  imports: [TypeOrmModule.forFeature(SCREENINGS_ENTITIES), FilmsModule],
  providers: [ScreeningsService, ScreeningsLoaders, SendRemindersJob],
  exports: [ScreeningsService, ScreeningsLoaders, SendRemindersJob],
})
export class ScreeningsModule {}

@Module({ imports: [ScreeningsModule], providers: SCREENINGS_RESOLVERS })
export class ScreeningsApiModule {}
