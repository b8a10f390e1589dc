export * from './report-document.entity.js';
export * from './report-documents.module.js';
