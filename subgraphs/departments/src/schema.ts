import { builder } from './builder.js';
import './types/enums.js';
import './types/department.js';
import './types/street.js';
import './types/community.js';
import './types/staff.js';
import './types/staff-assignment.js';
import './types/delegated-task.js';
import './types/delegated-task-mutations.js';
import './types/relationship.js';
import './types/relationship-mutations.js';
import './types/service-point.js';
import './types/commitment.js';
import './types/commitment-mutations.js';
import './types/notice.js';
import './types/viewer.js';

export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
