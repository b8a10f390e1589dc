export * from './entities/index.js';
export * from './screenings.module.js';
