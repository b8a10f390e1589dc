export * from './entities/index.js';
export * from './festivals.module.js';
export * from './festivals.service.js';
export * from './festivals.access.js';
export * from './festivals.loaders.js';
