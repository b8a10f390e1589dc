export * from './impact-report.model.js';
export * from './reports.module.js';
export * from './reports.service.js';
