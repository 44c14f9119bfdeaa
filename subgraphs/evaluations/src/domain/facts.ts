// Facts this subgraph needs but does not own — which street a community belongs to
// (committees), which communities a staff member is assigned to (departments) — are ASKED
// THROUGH THE GATEWAY under this subgraph's service identity (ctx.services), not kept in a
// read model: ballots are rare enough per target, and the answer is cached briefly in the
// service client (`services.fact`). When the other side does not answer, the kit's `ask` gives
// the caller a retryable SUBGRAPH_UNAVAILABLE and nothing is written (see castBallot).
import { forbidden, subgraphUnavailable, type Caller, type ServiceClient } from '@shequ/kit';

/** How long an asked fact is trusted: a changed assignment counts within this. */
const TTL_MS = 30_000;

/** The street of a community, from committees (`Community.street`); null for an unknown community. */
export function streetOf(services: ServiceClient, communityId: string): Promise<string | null> {
  return services.fact(`street-of-community:${communityId}`, TTL_MS, async () => {
    const data = await services.ask<{ community: { street: { id: string } | null } | null }>({
      owner: 'committees',
      purpose: 'check which street your community belongs to',
      query: 'query EvaluationsCommunityStreet($id: ID!) { community(id: $id) { id street { id } } }',
      variables: { id: communityId },
    });
    return data.community?.street?.id ?? null;
  });
}

/**
 * Whether committees' register has this person as a representative of this community. The
 * community's whole register is asked (fifteen or so) and cached briefly like any fact: ballots
 * come in bursts per community, and a representative removed from the register stops counting
 * within TTL_MS.
 */
export async function isRepresentativeOf(services: ServiceClient, personId: string, communityId: string): Promise<boolean> {
  const register = await services.fact(`representatives-of-community:${communityId}`, TTL_MS, async () => {
    const data = await services.ask<{ representatives: { id: string }[] }>({
      owner: 'committees',
      purpose: 'check that you are a representative of your community',
      query: 'query EvaluationsRepresentatives($id: ID!) { representatives(communityId: $id) { id } }',
      variables: { id: communityId },
    });
    return new Set(data.representatives.map((r) => r.id));
  });
  return register.has(personId);
}

/** The communities a staff member is assigned to, from departments; null for unknown staff. */
export function staffCommunities(services: ServiceClient, staffId: string): Promise<string[] | null> {
  return services.fact(`communities-of-staff:${staffId}`, TTL_MS, async () => {
    const data = await services.ask<{ staff: { assignedCommunities: { id: string }[] | null } | null }>({
      owner: 'departments',
      purpose: "check the staff member's assigned communities",
      query: 'query EvaluationsStaffCommunities($id: ID!) { staff(id: $id) { id assignedCommunities { id } } }',
      variables: { id: staffId },
    });
    if (!data.staff) return null;
    // A null list with no error would be a partial answer: treat as unavailable rather than "none".
    if (!data.staff.assignedCommunities) throw subgraphUnavailable('departments', "check the staff member's assigned communities");
    return data.staff.assignedCommunities.map((c) => c.id);
  });
}

export interface DistrictFacts {
  /** Every community of the district: its street and its number of representatives. */
  communities: Map<string, { streetId: string; representatives: number }>;
  streets: Set<string>;
  departments: Set<string>;
  /** staff id → assigned community ids (null: no such staff). */
  staff: Map<string, string[] | null>;
}

// The gateway limits aliases per operation (and cost): staff are asked for in slices.
const STAFF_PER_REQUEST = 20;

async function staffSlice(services: ServiceClient, ids: readonly string[]): Promise<[string, string[] | null][]> {
  const vars = ids.map((_, i) => `$s${i}: ID!`).join(', ');
  const fields = ids.map((_, i) => `s${i}: staff(id: $s${i}) { id assignedCommunities { id } }`).join(' ');
  const data = await services.ask<Record<string, { assignedCommunities: { id: string }[] | null } | null>>({
    owner: 'departments',
    purpose: 'count the eligible representatives',
    query: `query EvaluationsStaffFacts(${vars}) { ${fields} }`,
    variables: Object.fromEntries(ids.map((id, i) => [`s${i}`, id])),
  });
  return ids.map((id, i) => {
    const row = data[`s${i}`];
    if (row && !row.assignedCommunities) throw subgraphUnavailable('departments', 'count the eligible representatives');
    return [id, row ? row.assignedCommunities!.map((c) => c.id) : null];
  });
}

/** Everything opening a campaign needs, through the gateway: the district in one request, staff in slices. */
export async function districtFacts(services: ServiceClient, staffIds: readonly string[]): Promise<DistrictFacts> {
  const data = await services.ask<{
    streets: { id: string; communities: { id: string; representativeCount: number }[] | null }[];
    departments: { id: string }[];
  }>({
    owner: 'committees',
    purpose: 'count the eligible representatives',
    query: 'query EvaluationsDistrictFacts { streets { id communities { id representativeCount } } departments { id } }',
  });
  if (data.streets.some((s) => !s.communities)) throw subgraphUnavailable('committees', 'count the eligible representatives');
  const communities = new Map(
    data.streets.flatMap((s) => s.communities!.map((c) => [c.id, { streetId: s.id, representatives: c.representativeCount }] as const)),
  );
  const staff = new Map<string, string[] | null>();
  for (let i = 0; i < staffIds.length; i += STAFF_PER_REQUEST) {
    for (const [id, assigned] of await staffSlice(services, staffIds.slice(i, i + STAFF_PER_REQUEST))) staff.set(id, assigned);
  }
  return { communities, streets: new Set(data.streets.map((s) => s.id)), departments: new Set(data.departments.map((d) => d.id)), staff };
}

/** A rated request as services records it: what a bad-rating event is checked against. */
export interface RatingFact {
  requestId: string;
  communityId: string;
  serviceItemId: string;
  servicePointId: string | null;
  providerId: string | null;
  leadDepartmentId: string | null;
  rating: string;
  ratedAt: string;
}

/** Asked afresh each time (no cache): a case opens once per request, so this is asked about once. */
export async function ratedRequest(services: ServiceClient, requestId: string): Promise<RatingFact | null> {
  const data = await services.ask<{ serviceRatingFact: RatingFact | null }>({
    owner: 'services',
    purpose: 'check the rating against its request',
    query:
      'query EvaluationsRatingFact($id: ID!) { serviceRatingFact(requestId: $id) { requestId communityId serviceItemId servicePointId providerId leadDepartmentId rating ratedAt } }',
    variables: { id: requestId },
  });
  return data.serviceRatingFact;
}

/**
 * A REPRESENTATIVE token speaks for its community only when committees' register holds its person
 * there: the token says who and where, the register whether that is so (ballots, verifications).
 */
export async function requireRegisteredRepresentative(services: ServiceClient, caller: Pick<Caller, 'personId' | 'communityId'>): Promise<void> {
  if (!caller.personId || !caller.communityId || !(await isRepresentativeOf(services, caller.personId, caller.communityId))) {
    throw forbidden("Your token's person is not a representative of its community in the register");
  }
}
