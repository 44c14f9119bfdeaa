// Who may do what in this subgraph. Row-level rules on top of the role scopes: staff act only
// for their own community or street, providers (PARTNER callers) only for themselves.
import { type Caller, managesCommunity } from '@shequ/kit';

interface Scoped {
  communityId: string | null;
  streetId: string | null;
}

/** Publishing, closing, evaluating, awarding and cancelling a tender of this scope. */
export function canManageTender(caller: Caller, scope: Scoped): boolean {
  if (caller.role === 'DISTRICT_ADMIN') return true;
  if (caller.role === 'STREET_STAFF') return scope.streetId !== null && scope.streetId === caller.streetId;
  if (caller.role === 'COMMITTEE_STAFF') return scope.communityId !== null && scope.communityId === caller.communityId;
  return false;
}

/** A PARTNER caller acts as the provider whose id is its partnerId. */
export const isProvider = (caller: Caller, providerId: string | null): boolean =>
  caller.role === 'PARTNER' && providerId !== null && caller.partnerId === providerId;

interface RequestParties {
  residentId: string;
  communityId: string;
  providerId: string | null;
}

/** Staff who handle a community's requests (dispatch, reject, close). */
export const isRequestStaff = (caller: Caller, req: { communityId: string }): boolean => managesCommunity(caller, req.communityId);

/** A request holds personal data: the resident, the community's staff and the provider serving it see it. */
export const canSeeRequest = (caller: Caller, req: RequestParties): boolean =>
  isRequestStaff(caller, req) || (caller.role === 'RESIDENT' && caller.personId === req.residentId) || isProvider(caller, req.providerId);
