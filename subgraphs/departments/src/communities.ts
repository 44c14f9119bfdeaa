// Communities belong to `committees`, service points to `services`. When a write depends on one
// (does it exist? is it in this street? who runs this point?), this subgraph asks through the
// gateway under its own service identity rather than keeping a copy; when the owner cannot
// answer, the kit's `ask` refuses the write (retryable SUBGRAPH_UNAVAILABLE) and nothing is
// changed.
import { notFound, type SubgraphContext } from '@shequ/kit';

type Asker = Pick<SubgraphContext, 'services'>;

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

const communityQuery = 'query DepartmentsCommunityLookup($id: ID!) { community(id: $id) { id street { id } } }';

export async function lookUpCommunity(ctx: Asker, id: string): Promise<CommunityFacts> {
  const answer = await ctx.services.ask<{ community: { id: string; street: { id: string } | null } | null }>({
    owner: 'committees',
    purpose: 'check the community',
    query: communityQuery,
    variables: { id },
  });
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
    const answer = await ctx.services.ask<Record<string, { id: string; street: { id: string } | null } | null>>({
      owner: 'committees',
      purpose: 'check the communities',
      query: `query DepartmentsCommunitiesLookup(${params}) { ${fields} }`,
      variables,
    });
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
  const { servicePoint: p } = await ctx.services.ask<Answer>({ owner: 'services', purpose: 'check the service point', query: pointQuery, variables: { id } });
  if (!p) throw notFound('Service point', id);
  return { id: p.id, providerId: p.provider?.id ?? null, communityId: p.community?.id ?? null, streetId: p.street?.id ?? null };
}
