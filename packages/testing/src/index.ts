export * from '@shequ/kit/testing';
export * from './federation.js';
