export * from './accounts/accounts.service.js';
export * from './accounts/invitations.service.js';
export * from './auth/auth.guard.js';
export * from './auth/auth.module.js';
export * from './dto/account.inputs.js';
export * from './entities/invitation.entity.js';
export * from './identity.module.js';
export * from './jobs/purge-expired-invitations.job.js';
