// Communities belong to `committees`, service points to `services`. When a write depends on one
// (does it exist? is it in this street? who runs this point?), this subgraph asks through the
// gateway under its own service identity rather than keeping a copy; when the owner cannot
// answer, the write is refused (retryable SUBGRAPH_UNAVAILABLE) and nothing is changed. One
// failure policy for every such question, here.
import { clientError, notFound, ServiceCallError, type SubgraphContext } from '@shequ/kit';

type Asker = Pick<SubgraphContext, 'services' | 'log'>;

export interface CommunityFacts {
  id: string;
  streetId: string | null;
}

export interface ServicePointFacts {
  id: string;
  providerId: string | null;
  communityId: string | null;
  streetId: string | null;
}

async function ask<T>(ctx: Asker, subgraph: string, what: string, query: string, variables: Record<string, unknown>): Promise<T> {
  try {
    return await ctx.services.request<T>(query, variables);
  } catch (err) {
    const unreachable = err instanceof ServiceCallError && (err.codes.length === 0 || err.codes.includes('SUBGRAPH_UNAVAILABLE'));
    if (!unreachable) throw err;
    ctx.log.warn({ error: err.message, codes: err.codes, subgraph }, 'look-up through the gateway failed');
    throw clientError('SUBGRAPH_UNAVAILABLE', `${what} (the ${subgraph} subgraph) cannot be reached to check it; nothing was changed, try again later`, { subgraph });
  }
}

const communityQuery = 'query DepartmentsCommunityLookup($id: ID!) { community(id: $id) { id street { id } } }';

export async function lookUpCommunity(ctx: Asker, id: string): Promise<CommunityFacts> {
  const answer = await ask<{ community: { id: string; street: { id: string } | null } | null }>(ctx, 'committees', 'Communities', communityQuery, { id });
  if (!answer.community) throw notFound('Community', id);
  return { id: answer.community.id, streetId: answer.community.street?.id ?? null };
}

// The gateway limits aliases per document (GRAPHQL_MAX_ALIASES, 30 by default): ask in chunks.
const communitiesPerRequest = 15;

/** Several communities, a chunk per request (aliases c0, c1, …); NOT_FOUND names the first unknown one. */
export async function lookUpCommunities(ctx: Asker, ids: readonly string[]): Promise<CommunityFacts[]> {
  const out: CommunityFacts[] = [];
  for (let from = 0; from < ids.length; from += communitiesPerRequest) {
    const chunk = ids.slice(from, from + communitiesPerRequest);
    const params = chunk.map((_, i) => `$c${i}: ID!`).join(', ');
    const fields = chunk.map((_, i) => `c${i}: community(id: $c${i}) { id street { id } }`).join(' ');
    const variables = Object.fromEntries(chunk.map((id, i) => [`c${i}`, id]));
    const answer = await ask<Record<string, { id: string; street: { id: string } | null } | null>>(ctx, 'committees', 'Communities', `query DepartmentsCommunitiesLookup(${params}) { ${fields} }`, variables);
    chunk.forEach((id, i) => {
      const c = answer[`c${i}`];
      if (!c) throw notFound('Community', id);
      out.push({ id: c.id, streetId: c.street?.id ?? null });
    });
  }
  return out;
}

const pointQuery = 'query DepartmentsServicePointLookup($id: ID!) { servicePoint(id: $id) { id provider { id } community { id } street { id } } }';

export async function lookUpServicePoint(ctx: Asker, id: string): Promise<ServicePointFacts> {
  type Answer = { servicePoint: { id: string; provider: { id: string } | null; community: { id: string } | null; street: { id: string } | null } | null };
  const { servicePoint: p } = await ask<Answer>(ctx, 'services', 'Service points', pointQuery, { id });
  if (!p) throw notFound('Service point', id);
  return { id: p.id, providerId: p.provider?.id ?? null, communityId: p.community?.id ?? null, streetId: p.street?.id ?? null };
}
