import { builder } from './builder.js';
import './types/department.js';
import './types/street.js';

export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
