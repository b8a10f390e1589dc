import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FilmsModule } from '#films';
import { SCREENINGS_ENTITIES } from './entities/index.js';
import { AttendanceImportService } from './attendance-import.service.js';
import { ScreeningsLoaders } from './screenings.loaders.js';
import { FilmScreeningsResolver, ScreeningsResolver } from './screenings.resolver.js';
import { ScreeningsService } from './screenings.service.js';
import { SendRemindersJob } from './send-reminders.job.js';

export const SCREENINGS_RESOLVERS = [ScreeningsResolver, FilmScreeningsResolver];

@Module({
  imports: [TypeOrmModule.forFeature(SCREENINGS_ENTITIES), FilmsModule],
  providers: [ScreeningsService, AttendanceImportService, ScreeningsLoaders, SendRemindersJob],
  exports: [ScreeningsService, AttendanceImportService, ScreeningsLoaders, SendRemindersJob],
})
export class ScreeningsModule {}

@Module({ imports: [ScreeningsModule], providers: SCREENINGS_RESOLVERS })
export class ScreeningsApiModule {}
