export * from './access-rule.js';
export * from './access.module.js';
export * from './access.service.js';
export * from './ctx.decorator.js';
export * from './permissions.js';
export * from './request-context.js';
