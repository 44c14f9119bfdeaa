// Opening a campaign fixes its roll: for every target, how many representatives may score it
// (the denominator of the turnout). The facts come through the gateway in one request; if a
// subgraph is down the campaign stays DRAFT and the caller may retry.
import { badInput, conflict, notFound } from '@shequ/kit';
import type { Context } from '../builder.js';
import { districtFacts, type DistrictFacts } from './facts.js';

interface TargetRow {
  targetId: string;
  kind: 'STREET' | 'DEPARTMENT' | 'STAFF';
}

/** The communities whose representatives may score `target`, or an error naming what is unknown. */
function eligibleCommunities(facts: DistrictFacts, scope: string[], target: TargetRow): string[] {
  const inScope = (id: string) => scope.length === 0 || scope.includes(id);
  const all = [...facts.communities.keys()];
  switch (target.kind) {
    case 'DEPARTMENT':
      if (!facts.departments.has(target.targetId)) throw badInput(`Department ${target.targetId} does not exist`, { field: 'targets' });
      return all.filter(inScope);
    case 'STREET':
      if (!facts.streets.has(target.targetId)) throw badInput(`Street ${target.targetId} does not exist`, { field: 'targets' });
      return all.filter((id) => facts.communities.get(id)!.streetId === target.targetId && inScope(id));
    case 'STAFF': {
      const assigned = facts.staff.get(target.targetId);
      if (!assigned) throw badInput(`Staff member ${target.targetId} does not exist`, { field: 'targets' });
      return assigned.filter(inScope);
    }
  }
}

export async function openCampaign(ctx: Context, campaignId: string): Promise<void> {
  const campaign = await ctx.prisma.campaign.findUnique({ where: { id: campaignId }, include: { targets: true } });
  if (!campaign) throw notFound('Campaign', campaignId);
  if (campaign.status !== 'DRAFT') throw conflict(`Only a DRAFT campaign can be opened; ${campaignId} is ${campaign.status}`);
  const facts = await districtFacts(
    ctx.services,
    campaign.targets.filter((t) => t.kind === 'STAFF').map((t) => t.targetId),
  );
  const unknown = campaign.scopeCommunityIds.filter((id) => !facts.communities.has(id));
  if (unknown.length) throw badInput(`Unknown communities in the scope: ${unknown.join(', ')}`, { field: 'communityIds' });
  const voters = campaign.targets.map((t) => ({
    targetId: t.targetId,
    eligibleVoters: eligibleCommunities(facts, campaign.scopeCommunityIds, t).reduce((n, id) => n + facts.communities.get(id)!.representatives, 0),
  }));
  await ctx.prisma.$transaction(async (tx) => {
    const opened = await tx.campaign.updateMany({ where: { id: campaignId, status: 'DRAFT' }, data: { status: 'OPEN', openedAt: new Date() } });
    if (opened.count === 0) throw conflict(`Campaign ${campaignId} was changed meanwhile; it is no longer DRAFT`);
    for (const v of voters) await tx.campaignTarget.updateMany({ where: { campaignId, targetId: v.targetId }, data: { eligibleVoters: v.eligibleVoters } });
  });
}
