export * from './funding.entities.js';
export * from './funding.module.js';
export * from './funding.service.js';
