export * from './config.js';
export * from './official-holidays.js';
export * from './working-days.js';
