import { builder } from './builder.js';
import './types/enums.js';
import './types/community.js';
import './types/party-organization.js';
import './types/party-member.js';
import './types/co-construction-unit.js';
import './types/agreement.js';
import './types/contribution.js';
import './types/volunteer-team.js';
import './types/volunteer.js';
import './types/activity.js';
import './types/volunteer-hours.js';
import './types/volunteer-stats.js';
import './types/district-lists.js';

export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.9' });
