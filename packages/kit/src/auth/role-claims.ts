// Which claims each role cannot do without: the subgraphs' row-level rules (own community, own
// street, own department, own agency, own record) read them, so a token without them is useless
// or misleading. The gateway refuses such a token (401) before anything runs; `npm run token`
// refuses to mint one.
import { roles, type Role } from './caller.js';

export type RoleClaim = 'communityId' | 'streetId' | 'departmentId' | 'partnerId' | 'personId';

export const requiredClaims: Readonly<Record<Role, readonly RoleClaim[]>> = {
  RESIDENT: [],
  // A representative acts for one community as one person: both are checked against committees.
  REPRESENTATIVE: ['communityId', 'personId'],
  COMMITTEE_STAFF: ['communityId'],
  STREET_STAFF: ['streetId'],
  DEPARTMENT_STAFF: ['departmentId'],
  DISTRICT_ADMIN: [],
  PARTNER: ['partnerId'],
  OBSERVER: [],
  SERVICE: [],
};

export function isRole(value: unknown): value is Role {
  return roles.includes(value as Role);
}

/** The problem with these claims for their role, or null when they are complete. */
export function claimsProblem(claims: { role?: unknown; sub?: unknown } & Partial<Record<RoleClaim, unknown>>): string | null {
  if (!isRole(claims.role)) return `unknown role "${String(claims.role)}"; roles are ${roles.join(', ')}`;
  // A service speaks as one subgraph, and service-only writes ask which (service-identity.ts).
  if (claims.role === 'SERVICE' && !(typeof claims.sub === 'string' && /^service:[\w-]+$/.test(claims.sub)))
    return 'role SERVICE needs sub "service:<subgraph>"';
  const missing = requiredClaims[claims.role].filter((c) => typeof claims[c] !== 'string' || claims[c] === '');
  return missing.length ? `role ${claims.role} needs ${missing.join(' and ')}` : null;
}
