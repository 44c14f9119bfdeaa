export * from './dispatcher.js';
export * from './prisma-store.js';
export * from './worker.js';
