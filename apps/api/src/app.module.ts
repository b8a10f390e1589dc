import { Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ApiGraphqlModule, AuthGuard, AuthModule, DatabaseModule, GraphqlExceptionFilter, LoggingModule, SettingsModule } from '#core';
import { PeopleApiModule } from '#people';
import { QueueModule } from '#queue';
import { StorageModule } from '#storage';
import { TrainingApiModule } from '#training';
import { FilmsApiModule } from '#films';
import { FestivalsApiModule } from '#festivals';
import { ScreeningsApiModule } from '#screenings';
import { CalendarApiModule } from '#calendar';
import { ReportsApiModule } from '#reports';
import { FundingApiModule } from '#funding';
import { HealthController } from './health/health.controller.js';

@Module({
  imports: [
    SettingsModule,
    LoggingModule,
    DatabaseModule.forRoot({ runMigrations: true }),
    AuthModule,
    ApiGraphqlModule,
    QueueModule,
    StorageModule,
    TerminusModule.forRoot({ logger: false }),
    PeopleApiModule,
    TrainingApiModule,
    FilmsApiModule,
    FestivalsApiModule,
    ScreeningsApiModule,
    CalendarApiModule,
    ReportsApiModule,
    FundingApiModule,
  ],
  controllers: [HealthController],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_FILTER, useClass: GraphqlExceptionFilter },
    { provide: APP_PIPE, useValue: new ValidationPipe({ whitelist: true, transform: true, forbidUnknownValues: false }) },
  ],
})
export class AppModule {}
