export * from './entities/index.js';
export * from './screenings.module.js';
export * from './send-reminders.job.js';
export * from './screenings.service.js';
export * from './screenings.loaders.js';
export * from './screenings.access.js';
