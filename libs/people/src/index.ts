export * from './entities/index.js';
export * from './people.loaders.js';
export * from './people.module.js';
export * from './notifications/notifications.service.js';
export * from './cohorts/cohorts.service.js';
export * from './fellows/fellows.service.js';
export * from './programmes/programmes.service.js';
export * from './people.access.js';
