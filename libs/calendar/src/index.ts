export * from './calendar-feed.entity.js';
export * from './calendar.module.js';
