// Row-level rules on top of the role scopes: staff act for their own street or department,
// committee staff for their own community, the district administrator for everyone.
import { type Caller, forbidden, unauthenticated } from '@shequ/kit';
import type { UnitType } from './generated/prisma/enums.js';

export interface Unit {
  unitType: UnitType;
  unitId: string;
}

/** The street or department a street/department staff caller works for. */
export function callerUnit(caller: Caller): Unit | null {
  if (caller.role === 'DEPARTMENT_STAFF' && caller.departmentId) return { unitType: 'DEPARTMENT', unitId: caller.departmentId };
  if (caller.role === 'STREET_STAFF' && caller.streetId) return { unitType: 'STREET', unitId: caller.streetId };
  return null;
}

export function actsForUnit(caller: Caller, unit: Unit): boolean {
  if (caller.role === 'DISTRICT_ADMIN') return true;
  const own = callerUnit(caller);
  return own !== null && own.unitType === unit.unitType && own.unitId === unit.unitId;
}

/** The community a caller is a clerk (committee staff) of: the one whose say a community's assessment is. */
export function clerkOf(caller: Caller): string | null {
  return caller.role === 'COMMITTEE_STAFF' ? caller.communityId : null;
}

export function requireSignedIn(caller: Caller): void {
  if (caller.role === 'ANONYMOUS') throw unauthenticated();
}

/** Throws UNAUTHENTICATED or FORBIDDEN unless `allowed`. */
export function demand(caller: Caller, allowed: boolean, message: string): void {
  requireSignedIn(caller);
  if (!allowed) throw forbidden(message);
}

/** The unit a caller acts as, for the public history of a task (never a personal identifier). */
export function actorUnitId(caller: Caller): string | null {
  return callerUnit(caller)?.unitId ?? clerkOf(caller);
}
