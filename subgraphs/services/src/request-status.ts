// The life of a service request: which status may follow which, and who may move it.
import type { ServiceRequestStatus } from './generated/prisma/enums.js';

/** PROVIDER: the provider the request is assigned to; STAFF: the community's committee staff or a district admin. */
export type Mover = 'PROVIDER' | 'STAFF';

const both: Mover[] = ['PROVIDER', 'STAFF'];

// Residents do not appear here: they close a completed request by rating it.
const moves: Record<ServiceRequestStatus, Partial<Record<ServiceRequestStatus, Mover[]>>> = {
  SUBMITTED: { ACCEPTED: both, REJECTED: both },
  ACCEPTED: { IN_PROGRESS: both, REJECTED: both },
  IN_PROGRESS: { COMPLETED: both },
  COMPLETED: { CLOSED: ['STAFF'] },
  CLOSED: {},
  REJECTED: {},
};

/** Who may move a request from one status to another (empty: nobody, the move is illegal). */
export const moversFor = (from: ServiceRequestStatus, to: ServiceRequestStatus): Mover[] => moves[from][to] ?? [];

export const openStatuses: readonly ServiceRequestStatus[] = ['SUBMITTED', 'ACCEPTED', 'IN_PROGRESS'];

/** GeoReport v2 knows only "open" and "closed". */
export const open311Status = (status: ServiceRequestStatus): 'open' | 'closed' => (openStatuses.includes(status) ? 'open' : 'closed');

/** A finished service the resident may rate (once). */
export const ratableStatuses: ServiceRequestStatus[] = ['COMPLETED', 'CLOSED'];

/** The public status note of a request no service point has taken yet. */
export const waitingForDispatch = '等待社区派单 (waiting for the community to dispatch it)';
