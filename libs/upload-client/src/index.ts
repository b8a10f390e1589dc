export * from './film-uploader.js';
export * from './node-file-source.js';
