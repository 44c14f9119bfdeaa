// Communities belong to `committees`. When a write depends on one (does it exist? is it in this
// street?), this subgraph asks through the gateway under its own service identity rather than
// keeping a copy; when committees cannot answer, the write is refused and nothing is changed.
import { clientError, notFound, ServiceCallError, type SubgraphContext } from '@shequ/kit';

export interface CommunityFacts {
  id: string;
  streetId: string | null;
}

const communityQuery = 'query DepartmentsCommunityLookup($id: ID!) { community(id: $id) { id street { id } } }';

export async function lookUpCommunity(ctx: Pick<SubgraphContext, 'services' | 'log'>, id: string): Promise<CommunityFacts> {
  let answer: { community: { id: string; street: { id: string } | null } | null };
  try {
    answer = await ctx.services.request(communityQuery, { id });
  } catch (err) {
    const unreachable = err instanceof ServiceCallError && (err.codes.length === 0 || err.codes.includes('SUBGRAPH_UNAVAILABLE'));
    if (!unreachable) throw err;
    ctx.log.warn({ error: err.message, codes: err.codes }, 'community look-up through the gateway failed');
    throw clientError('SUBGRAPH_UNAVAILABLE', 'Communities (the committees subgraph) cannot be reached to check the community; nothing was changed, try again later', {
      subgraph: 'committees',
    });
  }
  if (!answer.community) throw notFound('Community', id);
  return { id: answer.community.id, streetId: answer.community.street?.id ?? null };
}
