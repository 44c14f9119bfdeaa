// Which claim each role cannot do without: the subgraphs' row-level rules (own community, own
// street, own department, own agency) read it, so a token without it is useless or misleading.
import { roles, type Role } from './caller.js';

type ScopeClaim = 'communityId' | 'streetId' | 'departmentId' | 'partnerId';

export const requiredClaim: Readonly<Record<Role, ScopeClaim | null>> = {
  RESIDENT: null,
  REPRESENTATIVE: 'communityId',
  COMMITTEE_STAFF: 'communityId',
  STREET_STAFF: 'streetId',
  DEPARTMENT_STAFF: 'departmentId',
  DISTRICT_ADMIN: null,
  PARTNER: 'partnerId',
  OBSERVER: null,
  SERVICE: null,
};

export function isRole(value: unknown): value is Role {
  return roles.includes(value as Role);
}

/** The problem with these claims for their role, or null when they are complete. */
export function claimsProblem(claims: { role: string } & Partial<Record<ScopeClaim, string | null | undefined>>): string | null {
  if (!isRole(claims.role)) return `unknown role "${claims.role}"; roles are ${roles.join(', ')}`;
  const needed = requiredClaim[claims.role];
  if (needed && !claims[needed]) return `role ${claims.role} needs ${needed}`;
  return null;
}
