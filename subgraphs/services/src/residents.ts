// Facts about a resident that `committees` owns (community, vulnerable-group flags), asked
// through the gateway as this subgraph (role SERVICE) at the moment a request is filed; no copy
// is kept here, so a flag removed in committees takes effect at once. When committees cannot
// answer, the kit's `ask` gives the caller a retryable SUBGRAPH_UNAVAILABLE and nothing is written.
import type { Context } from './builder.js';

const residentQuery = 'query ServicesResidentFacts($id: ID!) { resident(id: $id) { id vulnerableGroups community { id } } }';

interface Answer {
  resident: { id: string; vulnerableGroups: string[] | null; community: { id: string } | null } | null;
}

export interface ResidentFacts {
  id: string;
  communityId: string | null;
  vulnerableGroups: string[];
}

/** The resident as committees knows them, or null when there is no such resident. */
export async function residentFacts(ctx: Context, residentId: string): Promise<ResidentFacts | null> {
  const answer = await ctx.services.ask<Answer>({ owner: 'committees', purpose: 'check eligibility', query: residentQuery, variables: { id: residentId } });
  const r = answer.resident;
  return r ? { id: r.id, communityId: r.community?.id ?? null, vulnerableGroups: r.vulnerableGroups ?? [] } : null;
}
