import type { Caller } from './caller.js';

/**
 * The caller manages this community's records: a district administrator, or committee staff of
 * this community (the community named in their token). Every subgraph asks this one question
 * before a community-scoped write or a read of its personal data; each adds its own further
 * managers where it has them (party: the community's party officers).
 */
export function managesCommunity(caller: Caller, communityId: string): boolean {
  return caller.role === 'DISTRICT_ADMIN' || (caller.role === 'COMMITTEE_STAFF' && caller.communityId === communityId);
}
