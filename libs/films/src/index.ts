export * from './entities/index.js';
export * from './films.module.js';
export * from './jobs/film-jobs.js';
export * from './processing/media-processing.service.js';
export * from './uploads/film-uploads.service.js';
export * from './films.access.js';
export * from './films.loaders.js';
export * from './films/films.service.js';
export { resolveBinary } from './processing/media-tools.js';
