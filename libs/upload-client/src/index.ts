export * from './film-uploader.js';
