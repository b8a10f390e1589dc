import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeopleModule } from '#people';
import { QueueModule } from '#queue';
import { AccountsResolver } from './accounts/accounts.resolver.js';
import { AccountsService } from './accounts/accounts.service.js';
import { InvitationsService } from './accounts/invitations.service.js';
import { ACTOR_LOADER, AuthGuard } from './auth/auth.guard.js';
import { AuthModule } from './auth/auth.module.js';
import { Invitation } from './entities/invitation.entity.js';
import { PasswordHasher } from './sign-in/password-hasher.js';
import { SignInLimits } from './sign-in/sign-in-limits.js';
import { PurgeExpiredInvitationsJob } from './jobs/purge-expired-invitations.job.js';

export const IDENTITY_ENTITIES = [Invitation];

/** The GraphQL resolvers of identity (`me`, `login`, `inviteUser`, `acceptInvitation`); the API composes them. */
export const IDENTITY_RESOLVERS = [AccountsResolver];

/**
 * Invitations and their housekeeping job, without JWT or GraphQL: what the worker may import. Accounts are
 * users of the people library, so identity depends on people, never the reverse.
 */
@Module({
  imports: [TypeOrmModule.forFeature(IDENTITY_ENTITIES), PeopleModule],
  providers: [InvitationsService, PurgeExpiredInvitationsJob],
  exports: [InvitationsService, PurgeExpiredInvitationsJob],
})
export class IdentityModule {}

/**
 * Sign-in, invitations and `me` for the API: JWT, the accounts service and resolver, and the global AuthGuard
 * (every operation of the app is authenticated and role-checked by it). The worker never imports this.
 */
@Module({
  imports: [IdentityModule, AuthModule, QueueModule],
  providers: [
    AccountsService,
    SignInLimits,
    PasswordHasher,
    { provide: ACTOR_LOADER, useExisting: AccountsService },
    { provide: APP_GUARD, useClass: AuthGuard },
    ...IDENTITY_RESOLVERS,
  ],
  exports: [AccountsService],
})
export class IdentityApiModule {}
