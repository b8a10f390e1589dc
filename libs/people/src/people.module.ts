import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ACTOR_LOADER } from '#core';
import { QueueModule } from '#queue';
import { AccessRulesModule } from '#access';
import { PEOPLE_ACCESS_RULES } from './people.access.js';
import { AccountsResolver } from './accounts/accounts.resolver.js';
import { UserFieldsResolver } from './users/user-fields.resolver.js';
import { AccountsService } from './accounts/accounts.service.js';
import { LoginThrottle } from './accounts/login-throttle.js';
import { CohortFieldsResolver, EnrollmentFieldsResolver } from './cohorts/cohort-fields.resolver.js';
import { CohortsResolver } from './cohorts/cohorts.resolver.js';
import { CohortsService } from './cohorts/cohorts.service.js';
import { PEOPLE_ENTITIES } from './entities/index.js';
import { FellowFieldsResolver } from './fellows/fellow-fields.resolver.js';
import { FellowsResolver } from './fellows/fellows.resolver.js';
import { FellowsService } from './fellows/fellows.service.js';
import { PurgeExpiredInvitationsJob } from './jobs/purge-expired-invitations.job.js';
import { FellowsImportResolver } from './imports/fellows-import.resolver.js';
import { FellowsImportService } from './imports/fellows-import.service.js';
import { NotificationsResolver } from './notifications/notifications.resolver.js';
import { NotificationsService } from './notifications/notifications.service.js';
import { ProgrammeFieldsResolver } from './programmes/programme-fields.resolver.js';
import { ProgrammesResolver } from './programmes/programmes.resolver.js';
import { ProgrammesService } from './programmes/programmes.service.js';

/** The GraphQL resolvers of the people domain; the API composes them, the schema printer prints them. */
export const PEOPLE_RESOLVERS = [
  AccountsResolver,
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
  providers: [
    AccountsService,
    LoginThrottle,
    ProgrammesService,
    CohortsService,
    FellowsService,
    PurgeExpiredInvitationsJob,
    NotificationsService,
    FellowsImportService,
    { provide: ACTOR_LOADER, useExisting: AccountsService },
  ],
  exports: [
    FellowsImportService,
    NotificationsService,
    AccountsService,
    ProgrammesService,
    CohortsService,
    FellowsService,
    PurgeExpiredInvitationsJob,
    ACTOR_LOADER,
  ],
})
export class PeopleModule {}

/** The people domain with its GraphQL API. */
@Module({ imports: [PeopleModule], providers: PEOPLE_RESOLVERS, exports: [PeopleModule] })
export class PeopleApiModule {}
