import { builder } from './builder.js';
import './types/community.js';
import './types/street.js';

export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
