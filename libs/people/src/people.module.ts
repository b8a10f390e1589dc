import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueModule } from '#queue';
import { AccessRulesModule } from '#access';
import { PEOPLE_ACCESS_RULES } from './people.access.js';
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
import { ProgrammeFieldsResolver } from './programmes/programme-fields.resolver.js';
import { ProgrammesResolver } from './programmes/programmes.resolver.js';
import { ProgrammesService } from './programmes/programmes.service.js';
import { UserFieldsResolver } from './users/user-fields.resolver.js';
import { UsersResolver } from './users/users.resolver.js';

/** The GraphQL resolvers of the people domain; the API composes them, the schema printer prints them. */
export const PEOPLE_RESOLVERS = [
  UsersResolver,
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
  imports: [TypeOrmModule.forFeature(PEOPLE_ENTITIES), QueueModule, AccessRulesModule.forFeature('people', PEOPLE_ACCESS_RULES)],
  providers: [ProgrammesService, CohortsService, FellowsService, NotificationsService, FellowsImportService],
  exports: [FellowsImportService, NotificationsService, ProgrammesService, CohortsService, FellowsService],
})
export class PeopleModule {}

/** The people domain with its GraphQL API. */
@Module({ imports: [PeopleModule], providers: PEOPLE_RESOLVERS, exports: [PeopleModule] })
export class PeopleApiModule {}
