import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessRulesModule } from '#access';
import { FilmsModule } from '#films';
import { SCREENINGS_ENTITIES } from './entities/index.js';
import { AttendanceImportService } from './attendance-import.service.js';
import { ScreeningFieldsResolver } from './screening-fields.resolver.js';
import { SCREENINGS_ACCESS_RULES } from './screenings.access.js';
import { ScreeningsResolver } from './screenings.resolver.js';
import { ScreeningsService } from './screenings.service.js';
import { SendRemindersJob } from './send-reminders.job.js';

export const SCREENINGS_RESOLVERS = [ScreeningsResolver, ScreeningFieldsResolver];

@Module({
  imports: [
    TypeOrmModule.forFeature(SCREENINGS_ENTITIES),
    FilmsModule,
    AccessRulesModule.forFeature('screenings', SCREENINGS_ACCESS_RULES),
  ],
  providers: [ScreeningsService, AttendanceImportService, SendRemindersJob],
  exports: [ScreeningsService, AttendanceImportService, SendRemindersJob],
})
export class ScreeningsModule {}

@Module({ imports: [ScreeningsModule], providers: SCREENINGS_RESOLVERS })
export class ScreeningsApiModule {}
