import { Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { AccessModule } from '#access';
import { DatabaseModule, GraphqlExceptionFilter, LoggingModule, SettingsModule } from '#core';
import { IdentityApiModule } from '#identity';
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
import { SecurityHeadersModule } from './http/security-headers.module.js';
import { ApiGraphqlModule } from './graph/graphql.module.js';
import { GraphModule } from './graph/graph.module.js';
import { HealthController } from './health/health.controller.js';
import { WebAppModule } from './web/web-app.module.js';

@Module({
  imports: [
    SettingsModule,
    LoggingModule,
    SecurityHeadersModule,
    DatabaseModule.forRoot({ runMigrations: true }),
    AccessModule,
    ApiGraphqlModule,
    QueueModule,
    StorageModule,
    TerminusModule.forRoot({ logger: false }),
    // Sign-in and JWT, and the global AuthGuard that authenticates and role-checks every operation.
    IdentityApiModule,
    PeopleApiModule,
    TrainingApiModule,
    FilmsApiModule,
    FestivalsApiModule,
    ScreeningsApiModule,
    CalendarApiModule,
    ReportsApiModule,
    FundingApiModule,
    GraphModule,
    // Last: the web app's index.html answers the client routes no other module claims.
    WebAppModule,
  ],
  controllers: [HealthController],
  providers: [
    { provide: APP_FILTER, useClass: GraphqlExceptionFilter },
    { provide: APP_PIPE, useValue: new ValidationPipe({ whitelist: true, transform: true, forbidUnknownValues: false }) },
  ],
})
export class AppModule {}
