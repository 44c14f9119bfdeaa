// Facts about a resident that `committees` owns (community, vulnerable-group flags), asked
// through the gateway as this subgraph (role SERVICE) at the moment a request is filed; no copy
// is kept here, so a flag removed in committees takes effect at once. When committees cannot
// answer, the caller gets a retryable SUBGRAPH_UNAVAILABLE and nothing is written.
import { clientError, ServiceCallError } from '@shequ/kit';
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

export const committeesUnavailable = () =>
  clientError('SUBGRAPH_UNAVAILABLE', 'Cannot check eligibility now: the committees subgraph is unavailable; nothing was saved, try again later', {
    subgraph: 'committees',
    retryable: true,
  });

/** The resident as committees knows them, or null when there is no such resident. */
export async function residentFacts(ctx: Context, residentId: string): Promise<ResidentFacts | null> {
  let answer: Answer;
  try {
    answer = await ctx.services.request<Answer>(residentQuery, { id: residentId });
  } catch (err) {
    if (!(err instanceof ServiceCallError)) throw err;
    // Only the codes: the message may quote the query's variables.
    ctx.log.warn({ codes: err.codes }, 'resident look-up through the gateway failed');
    if (err.codes.length === 0 || err.codes.includes('SUBGRAPH_UNAVAILABLE') || err.codes.includes('INTERNAL_SERVER_ERROR')) throw committeesUnavailable();
    throw err;
  }
  const r = answer.resident;
  return r ? { id: r.id, communityId: r.community?.id ?? null, vulnerableGroups: r.vulnerableGroups ?? [] } : null;
}
