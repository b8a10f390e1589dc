import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueModule } from '#queue';
import { CohortFieldsResolver, EnrollmentFieldsResolver } from './cohorts/cohort-fields.resolver.js';
import { CohortsResolver } from './cohorts/cohorts.resolver.js';
import { CohortsService } from './cohorts/cohorts.service.js';
import { PEOPLE_ENTITIES } from './entities/index.js';
import { FellowFieldsResolver } from './fellows/fellow-fields.resolver.js';
import { FellowsResolver } from './fellows/fellows.resolver.js';
import { FellowsService } from './fellows/fellows.service.js';
import { FellowsImportResolver } from './imports/fellows-import.resolver.js';
import { FellowsImportService } from './imports/fellows-import.service.js';
import { NotificationsResolver } from './notifications/notifications.resolver.js';
import { NotificationsService } from './notifications/notifications.service.js';
import { PeopleLoaders } from './people.loaders.js';
import { ProgrammeFieldsResolver } from './programmes/programme-fields.resolver.js';
import { ProgrammesResolver } from './programmes/programmes.resolver.js';
import { ProgrammesService } from './programmes/programmes.service.js';
import { UserFieldsResolver } from './users/user-fields.resolver.js';

/** The GraphQL resolvers of the people domain; the API composes them, the schema printer prints them. */
export const PEOPLE_RESOLVERS = [
  UserFieldsResolver,
  ProgrammesResolver,
  ProgrammeFieldsResolver,
  CohortsResolver,
  CohortFieldsResolver,
  EnrollmentFieldsResolver,
  FellowsResolver,
  FellowFieldsResolver,
  NotificationsResolver,
  FellowsImportResolver,
];

/** Services and jobs of the people domain, without GraphQL (the worker uses this). */
@Module({
  imports: [TypeOrmModule.forFeature(PEOPLE_ENTITIES), QueueModule],
  providers: [ProgrammesService, CohortsService, FellowsService, PeopleLoaders, NotificationsService, FellowsImportService],
  exports: [FellowsImportService, NotificationsService, ProgrammesService, CohortsService, FellowsService, PeopleLoaders],
})
export class PeopleModule {}

/** The people domain with its GraphQL API. */
@Module({ imports: [PeopleModule], providers: PEOPLE_RESOLVERS, exports: [PeopleModule] })
export class PeopleApiModule {}
