// Who proposes a commitment, and to which communities. The owner proposes, never assesses:
// - a department's or a street's own staff (or the district on its behalf);
// - a service point's operator, the provider running it (a PARTNER token whose partnerId is the
//   point's provider, asked of `services`), or the district on its behalf.
// The communities it is made to are the ones that will assess it, so each is checked against
// committees, and they must be ones the owner serves: a street's own communities, a service
// point's own community (or, for a street-level point, its street's communities); a department
// works district-wide.
import { badInput, check, forbidden, notFound, rules } from '@shequ/kit';
import { actsForUnit, requireSignedIn } from '../access.js';
import type { Context } from '../builder.js';
import { lookUpCommunities, lookUpServicePoint } from '../communities.js';
import type { CommitmentOwnerType } from '../generated/prisma/enums.js';
import { findUnit } from '../tasks/proposer.js';

/** Enough for a department's promise to a street's worth of communities, few enough for one look-up. */
export const maxCommunitiesPerCommitment = 30;

export interface CheckedProposal {
  ownerId: string;
  communityIds: string[];
}

function communityList(ids: readonly string[]): string[] {
  const unique = [...new Set(ids.map((id) => id.trim()))];
  if (unique.length === 0 || unique.length > maxCommunitiesPerCommitment || unique.some((id) => id.length < 1 || id.length > 100)) {
    throw badInput(`A commitment is made to 1–${maxCommunitiesPerCommitment} communities, which assess it`, { field: 'communityIds' });
  }
  return unique;
}

export async function checkProposal(ctx: Context, ownerType: CommitmentOwnerType, ownerId: string, communityIds: readonly string[]): Promise<CheckedProposal> {
  requireSignedIn(ctx.caller);
  const { caller } = ctx;
  const id = check(rules.text(100, 1), ownerId, 'ownerId');
  const wanted = communityList(communityIds);

  if (ownerType === 'SERVICE_POINT') {
    if (caller.role !== 'DISTRICT_ADMIN' && caller.role !== 'PARTNER')
      throw forbidden("A service point's commitments are proposed by the provider running it (or the district)");
    const point = await lookUpServicePoint(ctx, id);
    if (caller.role === 'PARTNER' && (point.providerId === null || caller.partnerId !== point.providerId))
      throw forbidden('Only the provider running the point proposes its commitments');
    const communities = await lookUpCommunities(ctx, wanted);
    const outside = communities.find((c) => (point.communityId ? c.id !== point.communityId : c.streetId !== point.streetId));
    if (outside) throw badInput(`${outside.id} is not served by service point ${id}`, { field: 'communityIds' });
    return { ownerId: point.id, communityIds: communities.map((c) => c.id) };
  }

  if (!actsForUnit(caller, { unitType: ownerType, unitId: id })) throw forbidden("Only the owner's own staff (or the district) propose its commitments");
  const unit = await findUnit(ctx.prisma, id);
  if (unit.unitType !== ownerType) throw notFound(ownerType === 'STREET' ? 'Street' : 'Department', id);
  const communities = await lookUpCommunities(ctx, wanted);
  const outside = ownerType === 'STREET' ? communities.find((c) => c.streetId !== id) : undefined;
  if (outside) throw badInput(`A street's commitments are made to its own communities: ${outside.id} is not in ${id}`, { field: 'communityIds' });
  return { ownerId: id, communityIds: communities.map((c) => c.id) };
}
