// The shape of the authorization matrix (test/authorization.e2e.ts runs it). Each subgraph adds a
// file next to this one exporting `defineSuite({ subgraph, rows })`; the runner picks up every file.
import { representativeId, staffId, type PrismaLike, type Role, type SubgraphDefinition, type TokenClaims } from '@shequ/kit';
import type { GraphQLResponse } from '@shequ/testing';

export type Caller = Role | 'ANONYMOUS';

/** Every column of the matrix. */
export const callers: readonly Caller[] = ['ANONYMOUS', 'RESIDENT', 'REPRESENTATIVE', 'COMMITTEE_STAFF', 'STREET_STAFF', 'DEPARTMENT_STAFF', 'DISTRICT_ADMIN', 'PARTNER', 'OBSERVER', 'SERVICE'];

/** Who each role is, unless a row says otherwise: all in the Minzu street's first community. */
export const personas: Readonly<Record<Role, TokenClaims>> = {
  RESIDENT: { role: 'RESIDENT', communityId: 'community-minzu-01', sub: 'resident-minzu-01-0001' },
  REPRESENTATIVE: { role: 'REPRESENTATIVE', communityId: 'community-minzu-01', personId: representativeId('community-minzu-01', 1), sub: representativeId('community-minzu-01', 1) },
  COMMITTEE_STAFF: { role: 'COMMITTEE_STAFF', communityId: 'community-minzu-01', sub: staffId('community-minzu-01', 1) },
  STREET_STAFF: { role: 'STREET_STAFF', streetId: 'street-minzu', sub: staffId('street-minzu', 1) },
  DEPARTMENT_STAFF: { role: 'DEPARTMENT_STAFF', departmentId: 'dept-health', sub: staffId('dept-health', 1) },
  DISTRICT_ADMIN: { role: 'DISTRICT_ADMIN', sub: 'admin-jianghan-01' },
  PARTNER: { role: 'PARTNER', partnerId: 'partner-demo-01', sub: 'partner-demo-01' },
  OBSERVER: { role: 'OBSERVER', sub: 'observer-01' },
  SERVICE: { role: 'SERVICE', sub: 'service:matrix' },
};

export interface AuthorizationRow {
  /** What is protected, in words: "a community's residents register". */
  name: string;
  operation: string;
  variables?: Record<string, unknown>;
  /**
   * Callers that get past authorization; every other column must be refused (UNAUTHENTICATED for
   * ANONYMOUS, FORBIDDEN for a role). Getting past means no such error: data, or another error
   * such as NOT_FOUND. For mutations pick inputs that fail after the check (an unknown id), so the
   * matrix changes no data.
   */
  allowed: readonly Caller[];
  /** Claims replacing the persona of a role for this row (another community, another department...). */
  as?: Partial<Record<Role, TokenClaims>>;
  /** Further checks on an answer, e.g. which fields came back null. */
  expect?: (response: GraphQLResponse, caller: Caller, allowed: boolean) => void;
}

export interface AuthorizationSuite {
  /** Whose operations the rows are (the runner starts every subgraph of the repository). */
  subgraph: SubgraphDefinition<PrismaLike>;
  rows: AuthorizationRow[];
}

export function defineSuite<DB extends PrismaLike>(suite: { subgraph: SubgraphDefinition<DB>; rows: AuthorizationRow[] }): AuthorizationSuite {
  return suite as unknown as AuthorizationSuite;
}

/** Anything a reader of the matrix output needs to see why a cell is wrong. */
export function verdict(response: GraphQLResponse): { refused: 'UNAUTHENTICATED' | 'FORBIDDEN' | null; summary: string } {
  const codes = (response.errors ?? []).map((e) => String(e.extensions?.code ?? 'UNCODED'));
  const refused = codes.includes('UNAUTHENTICATED') || response.status === 401 ? 'UNAUTHENTICATED' : codes.includes('FORBIDDEN') || response.status === 403 ? 'FORBIDDEN' : null;
  const summary = `${response.status} ${codes.length ? codes.join(',') : 'ok'}${response.errors?.[0] ? ` "${response.errors[0].message}"` : ''}`;
  return { refused, summary };
}
