export * from './entities/index.js';
export * from './jobs/issue-certificate.job.js';
export * from './training.module.js';
export * from './progress/fellow-progress.model.js';
export * from './attendance/attendance.service.js';
export * from './sessions/training-sessions.service.js';
export * from './training.access.js';
export * from './training.loaders.js';
