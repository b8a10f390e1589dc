export * from './access-scope.js';
export * from './accounts/accounts.service.js';
export * from './entities/index.js';
export * from './people.loaders.js';
export * from './people.module.js';
export * from './jobs/purge-expired-invitations.job.js';
export * from './notifications/notifications.service.js';
