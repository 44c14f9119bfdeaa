import { builder } from './builder.js';
import './types/enums.js';
import './types/community.js';
import './types/street.js';
import './types/representative.js';
import './types/election-round.js';
import './types/election-candidate.js';
import './types/election-round-mutations.js';
import './types/election-steps.js';
import './types/committee-member.js';
import './types/consultation-member.js';
import './types/consultation-meeting.js';
import './types/resident.js';
import './types/resident-mutations.js';
import './types/ledger-entry.js';
import './types/ledger-mutations.js';

export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.9' });
