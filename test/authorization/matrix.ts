// The shape of the authorization matrix (test/authorization.e2e.ts runs it): one file per subgraph
// next to this one, exporting `defineSuite({ subgraph, fixtures?, rows })`; the runner picks up
// every file and asks every row as every column of `callers`, through the whole hub.
//
// Adding a field or a mutation means adding a row to its subgraph's file:
//
//   { name: 'cancelling an election round', operation: 'mutation { cancelElectionRound(id: "round-nobody") { id } }',
//     allowed: communityManagers, expect: pastTheCheck('NOT_FOUND') },
//
// - `allowed`: the columns that get past authorization; every other one must be refused
//   (UNAUTHENTICATED for ANONYMOUS, FORBIDDEN for the others). Use the groups below.
// - Mutations must change nothing: give inputs that fail after the authorization check (an unknown
//   id, a state that refuses the step, an over-spend) and say which code with `pastTheCheck`.
// - Personal fields answer null rather than an error: `sees: { path: 'resident.phone', by: [...] }`
//   says who gets a value; everyone else must get null there.
// - When the rule depends on whose record it is (own or another community, street, department),
//   write one row with `variants(row, { 'own community': {...}, 'another community': {...} })`:
//   the personas all sit in community-minzu-01, street-minzu and dept-health, so "another" is
//   asked by pointing the operation at another community's record (variables), or with `as`.
// - Records whose ids the demo data does not fix (random ids) come from the suite's `fixtures`,
//   asked once as a district administrator; `variables`, `as` and `allowed` may then be
//   functions of them (see services.ts: a request's own resident, staff and provider via `as`).
// - A new mutation of an existing kind is one more entry: e.g. createStaff (departments.ts, like
//   assignStaffToCommunity: own department / own street / another department), a donation
//   (party.ts, like recordContribution), a commitment assessment (services.ts, like
//   assessServicePointCommitment). The runner picks up a new file by itself.
import { representativeId, staffId, type PrismaLike, type Role, type SubgraphDefinition, type TokenClaims } from '@shequ/kit';
import type { GraphQLResponse } from '@shequ/testing';

/** A column: a role as its demo persona, or a persona a rule singles out (a party officer). */
export type Caller = Role | 'ANONYMOUS' | 'PARTY_OFFICER';
export type Persona = Exclude<Caller, 'ANONYMOUS'>;

/** Every column of the matrix. */
export const callers: readonly Caller[] = [
  'ANONYMOUS',
  'RESIDENT',
  'PARTY_OFFICER',
  'REPRESENTATIVE',
  'COMMITTEE_STAFF',
  'STREET_STAFF',
  'DEPARTMENT_STAFF',
  'DISTRICT_ADMIN',
  'PARTNER',
  'OBSERVER',
  'SERVICE',
];

export const own = {
  community: 'community-minzu-01',
  street: 'street-minzu',
  department: 'dept-health',
  /** The PARTNER persona: a registered service provider. */
  provider: 'provider-yangguang',
} as const;

export const other = {
  /** Another street's community, so that "other community" is also "other street". */
  community: 'community-xinhua-01',
  /** Same street, another community: only community rules tell it apart. */
  neighbour: 'community-minzu-02',
  street: 'street-xinhua',
  department: 'dept-culture',
  provider: 'provider-huimin',
} as const;

/**
 * Who each column is, unless a row says otherwise: real records of the demo data, because
 * subgraphs check claims against them (a representative against the register, a resident's
 * community against committees, an observer against the campaign's named observers).
 */
export const personas: Readonly<Record<Persona, TokenClaims>> = {
  RESIDENT: { role: 'RESIDENT', communityId: own.community, personId: 'resident-minzu-01-0001', sub: 'resident-minzu-01-0001' },
  // The secretary of minzu-01's party organisation, signed in as a resident of it.
  PARTY_OFFICER: { role: 'RESIDENT', communityId: own.community, personId: 'pm-minzu-01-001', sub: 'pm-minzu-01-001' },
  REPRESENTATIVE: { role: 'REPRESENTATIVE', communityId: own.community, personId: representativeId(own.community, 1), sub: representativeId(own.community, 1) },
  COMMITTEE_STAFF: { role: 'COMMITTEE_STAFF', communityId: own.community, sub: staffId(own.community, 1) },
  STREET_STAFF: { role: 'STREET_STAFF', streetId: own.street, sub: staffId(own.street, 1) },
  DEPARTMENT_STAFF: { role: 'DEPARTMENT_STAFF', departmentId: own.department, sub: staffId(own.department, 1) },
  DISTRICT_ADMIN: { role: 'DISTRICT_ADMIN', sub: 'admin-jianghan-01' },
  PARTNER: { role: 'PARTNER', partnerId: own.provider, sub: `${own.provider}-staff-01` },
  // Named on the demo campaigns (observerIds), so live scores are theirs to follow.
  OBSERVER: { role: 'OBSERVER', sub: 'observer-district-npc' },
  SERVICE: { role: 'SERVICE', sub: 'service:matrix' },
};

// The groups rules are written in.
export const signedIn: readonly Caller[] = callers.filter((c) => c !== 'ANONYMOUS');
export const nobody: readonly Caller[] = [];
export const admin: readonly Caller[] = ['DISTRICT_ADMIN'];
/** Those who manage a community's records (committees' `managerRoles`, own community). */
export const communityManagers: readonly Caller[] = ['COMMITTEE_STAFF', 'DISTRICT_ADMIN'];
/** Streets and departments acting for their own unit. */
export const unitStaff: readonly Caller[] = ['STREET_STAFF', 'DEPARTMENT_STAFF', 'DISTRICT_ADMIN'];

type Vars = Record<string, unknown>;
type Claims = Partial<Record<Persona, TokenClaims>>;

export interface AuthorizationRow<F = unknown> {
  /** What is protected, in words: "a community's residents register". */
  name: string;
  operation: string;
  variables?: Vars | ((fixtures: F) => Vars);
  /**
   * Callers that get past authorization; every other column must be refused (UNAUTHENTICATED for
   * ANONYMOUS, FORBIDDEN for a role). Getting past means no such error: data, or another error
   * such as NOT_FOUND. For mutations pick inputs that fail after the check (an unknown id), so the
   * matrix changes no data. A function of the fixtures when whose record it is decides.
   */
  allowed: readonly Caller[] | ((fixtures: F) => readonly Caller[]);
  /** Claims replacing the persona of a column for this row (another community, another department...). */
  as?: Claims | ((fixtures: F) => Claims);
  /**
   * Personal fields answered null to those who may not see them: the callers in `by` get a value
   * at `path` (dotted, through lists: at least one non-null; the first path when several), every
   * other allowed caller only nulls at every path.
   */
  sees?: { path: string | readonly string[]; by: readonly Caller[] };
  /** Further checks on an answer, e.g. which fields came back null. */
  expect?: (response: GraphQLResponse, caller: Caller, allowed: boolean) => void;
}

export interface AuthorizationSuite {
  /** Whose operations the rows are (the runner starts every subgraph of the repository). */
  subgraph: SubgraphDefinition<PrismaLike>;
  /** Ids the rows need that the demo data does not fix, asked once as a district administrator. */
  fixtures?: (ask: <T>(operation: string, variables?: Vars) => Promise<T>) => Promise<unknown>;
  rows: AuthorizationRow<unknown>[];
}

export function defineSuite<DB extends PrismaLike, F = undefined>(suite: {
  subgraph: SubgraphDefinition<DB>;
  fixtures?: (ask: <T>(operation: string, variables?: Vars) => Promise<T>) => Promise<F>;
  rows: AuthorizationRow<F>[];
}): AuthorizationSuite {
  return suite as unknown as AuthorizationSuite;
}

type Variant<F> = Partial<Pick<AuthorizationRow<F>, 'variables' | 'as' | 'sees' | 'expect'>> & Pick<AuthorizationRow<F>, 'allowed'>;

/** One row per variant ("own community", "another community"), named `row (variant)`. */
export function variants<F>(
  row: Omit<AuthorizationRow<F>, 'allowed'> & Partial<Pick<AuthorizationRow<F>, 'allowed'>>,
  cases: Record<string, Variant<F>>,
): AuthorizationRow<F>[] {
  return Object.entries(cases).map(([label, v]) => ({ ...row, ...v, name: `${row.name} (${label})` }));
}

/** For mutations: whoever gets past authorization must be stopped by this code, so nothing changed. */
export const pastTheCheck =
  (...codes: string[]) =>
  (res: GraphQLResponse, _caller: Caller, allowed: boolean): void => {
    if (!allowed) return;
    const code = res.errors?.[0]?.extensions?.code;
    if (!codes.includes(String(code))) throw new Error(`expected ${codes.join(' or ')} past the role check, got ${JSON.stringify(res.errors ?? res.data)}`);
  };

/** Every value at a dotted path, through the lists on the way (a list at the end is one value). */
export function valuesAt(data: unknown, path: string): unknown[] {
  let values: unknown[] = [data];
  for (const key of path.split('.')) {
    values = values.flatMap((v) => (Array.isArray(v) ? v : [v])).map((v) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined));
  }
  return values;
}

/** Anything a reader of the matrix output needs to see why a cell is wrong. */
export function verdict(response: GraphQLResponse): { refused: 'UNAUTHENTICATED' | 'FORBIDDEN' | null; summary: string } {
  const codes = (response.errors ?? []).map((e) => String(e.extensions?.code ?? 'UNCODED'));
  const refused =
    codes.includes('UNAUTHENTICATED') || response.status === 401
      ? 'UNAUTHENTICATED'
      : codes.includes('FORBIDDEN') || response.status === 403
        ? 'FORBIDDEN'
        : null;
  const summary = `${response.status} ${codes.length ? codes.join(',') : 'ok'}${response.errors?.[0] ? ` "${response.errors[0].message}"` : ''}`;
  return { refused, summary };
}
