// Who may do what with a community's data. Organisational data (committees, representatives,
// elections, meetings, the funds ledger) is public under the publicity system (公示制); writes
// belong to the community's own committee staff and district administrators; personal data is
// readable by them and by the person themself.
import { forbidden, managesCommunity, unauthenticated, type Caller, type Role } from '@shequ/kit';

/** Roles that may write a community's records (checked per community by `requireManager`). */
export const managerRoles: Role[] = ['COMMITTEE_STAFF', 'DISTRICT_ADMIN'];

/** The kit's rule, re-exported for this subgraph's types. */
export { managesCommunity };

export function requireManager(caller: Caller, communityId: string): void {
  if (caller.role === 'ANONYMOUS') throw unauthenticated();
  if (!managesCommunity(caller, communityId)) throw forbidden(`Only the staff of ${communityId}'s committee or a district administrator may do this`);
}

export interface Person {
  id: string;
  communityId: string;
}

/**
 * Personal fields of a resident or representative. Callers who may not see them get null, not
 * an error: lists and federated references stay usable and nothing leaks, not even whether a
 * value exists.
 */
export function seesPersonalData(caller: Caller, person: Person, selfRole: Role): boolean {
  return managesCommunity(caller, person.communityId) || isThePerson(caller, person, selfRole);
}

/**
 * The caller is this person: the token names them and the community the register has them in.
 * A token naming someone with another community is inconsistent and is nobody in particular.
 */
export function isThePerson(caller: Caller, person: Person, selfRole: Role): boolean {
  return caller.role === selfRole && caller.personId === person.id && (caller.communityId === null || caller.communityId === person.communityId);
}

export const personal = <T>(caller: Caller, person: Person, selfRole: Role, value: T): T | null => (seesPersonalData(caller, person, selfRole) ? value : null);
