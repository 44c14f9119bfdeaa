// Test helpers; imported by tests only (`@shequ/kit/testing`).
export * from './databases.js';
export * from './graphql-client.js';
export * from './redis.js';
export * from './subgraph.js';
export * from './each-database.js';
