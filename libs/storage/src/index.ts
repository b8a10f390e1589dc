export * from './storage.module.js';
export * from './storage.service.js';
