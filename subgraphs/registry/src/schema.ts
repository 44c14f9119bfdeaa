import { builder } from './builder.js';
import './types/registry.js';

export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.9' });
