export * from '@shequ/kit/testing';
export * from './federation.js';
export * from './replicas.js';
