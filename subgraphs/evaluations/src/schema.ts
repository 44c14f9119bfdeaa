import { liveStateSchemaOptions } from '@shequ/kit';
import { builder } from './builder.js';
import './types/refs.js';
import './types/campaign.js';
import './types/campaign-admin.js';
import './types/result.js';
import './types/ballot.js';
import './types/live.js';
import './types/rectification.js';
import './types/rectification-actions.js';
import './types/service-rating.js';
import './types/appraisal.js';
import './types/accountability.js';

export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.9', ...liveStateSchemaOptions });
