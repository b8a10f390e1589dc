export * from './job-dispatcher.js';
export * from './job-queue.service.js';
export * from './jobs.js';
export * from './legacy-queue.js';
export * from './queue.module.js';
export * from './redis.provider.js';
