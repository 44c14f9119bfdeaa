// The identity model of the hub. The gateway verifies a caller's token and forwards its claims
// inside the signed subgraph request; subgraphs apply row-level rules (own community, own department).

export const roles = [
  'RESIDENT',
  'REPRESENTATIVE',
  'COMMITTEE_STAFF',
  'STREET_STAFF',
  'DEPARTMENT_STAFF',
  'DISTRICT_ADMIN',
  'PARTNER',
  'OBSERVER',
  // A subgraph acting on its own behalf (outbox deliveries, eligibility look-ups), `sub` = service:<name>.
  'SERVICE',
] as const;

export type Role = (typeof roles)[number];

export interface Caller {
  role: Role | 'ANONYMOUS';
  /** Token subject: a stable user id. */
  subject: string | null;
  communityId: string | null;
  streetId: string | null;
  departmentId: string | null;
  partnerId: string | null;
  /** For residents and representatives: the person record they act as. */
  personId: string | null;
}

export const anonymous: Caller = Object.freeze({
  role: 'ANONYMOUS',
  subject: null,
  communityId: null,
  streetId: null,
  departmentId: null,
  partnerId: null,
  personId: null,
});

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 && v.length <= 200 ? v : null);

/** Builds a Caller from verified JWT claims; unknown roles are treated as anonymous. */
export function callerFromClaims(claims: Record<string, unknown> | null | undefined): Caller {
  if (!claims) return anonymous;
  const role = roles.find((r) => r === claims.role);
  if (!role) return anonymous;
  return {
    role,
    subject: str(claims.sub),
    communityId: str(claims.communityId),
    streetId: str(claims.streetId),
    departmentId: str(claims.departmentId),
    partnerId: str(claims.partnerId),
    personId: str(claims.personId),
  };
}
