// Per-request loaders: a page of campaigns with their criteria, targets, turnout and results
// costs a fixed number of SQL statements, however many campaigns, targets or ballots there are.
import type { Context } from './builder.js';
import type { Campaign, CampaignTarget, Criterion, LiveTally, RectificationCase, RectificationVerification } from './generated/prisma/client.js';
import { tallyFromRow } from './domain/release.js';
import { isSettled, releasedResults, revisionOf, settledResults, type BallotRow, type CampaignWithParts, type LiveResult } from './domain/results.js';

export const campaignLoader = (ctx: Context) =>
  ctx.loaders.byKey(
    'campaignById',
    (c: Campaign) => c.id,
    (ids: readonly string[]) => ctx.prisma.campaign.findMany({ where: { id: { in: [...ids] } } }),
  );

export const criteriaLoader = (ctx: Context) =>
  ctx.loaders.groupedBy(
    'criteriaByCampaign',
    (c: Criterion) => c.campaignId,
    (ids: readonly string[]) => ctx.prisma.criterion.findMany({ where: { campaignId: { in: [...ids] } }, orderBy: { position: 'asc' } }),
  );

export const targetsLoader = (ctx: Context) =>
  ctx.loaders.groupedBy(
    'targetsByCampaign',
    (t: CampaignTarget) => t.campaignId,
    (ids: readonly string[]) => ctx.prisma.campaignTarget.findMany({ where: { campaignId: { in: [...ids] } }, orderBy: { position: 'asc' } }),
  );

export const ballotCountLoader = (ctx: Context) =>
  ctx.loaders.get<string, number>('ballotCountByCampaign', async (ids) => {
    const rows = await ctx.prisma.ballot.groupBy({ by: ['campaignId'], where: { campaignId: { in: [...ids] } }, _count: { _all: true } });
    const counts = new Map(rows.map((r) => [r.campaignId, r._count._all]));
    return ids.map((id) => counts.get(id) ?? 0);
  });

const ballotsLoader = (ctx: Context) =>
  ctx.loaders.groupedBy(
    'ballotsByCampaign',
    (b: BallotRow & { campaignId: string }) => b.campaignId,
    (ids: readonly string[]) =>
      ctx.prisma.ballot.findMany({ where: { campaignId: { in: [...ids] } }, select: { campaignId: true, targetId: true, levels: true, comment: true } }),
  );

export const liveTallyLoader = (ctx: Context) =>
  ctx.loaders.groupedBy(
    'liveTalliesByCampaign',
    (t: LiveTally) => t.campaignId,
    (ids: readonly string[]) => ctx.prisma.liveTally.findMany({ where: { campaignId: { in: [...ids] } } }),
  );

/** Every target's result of a campaign: as released while it is open, final once closed (callers check visibility first). */
export async function campaignResults(ctx: Context, campaign: Campaign): Promise<LiveResult[]> {
  const [criteria, targets] = await Promise.all([criteriaLoader(ctx).load(campaign.id), targetsLoader(ctx).load(campaign.id)]);
  if (isSettled(campaign)) return settledResults({ ...campaign, criteria, targets }, await ballotsLoader(ctx).load(campaign.id));
  const rows = await liveTallyLoader(ctx).load(campaign.id);
  const whole: CampaignWithParts = { ...campaign, revision: revisionOf(campaign, rows), criteria, targets };
  return releasedResults(whole, new Map(rows.map((r) => [r.targetId, tallyFromRow(r)])));
}

export const caseLoader = (ctx: Context) =>
  ctx.loaders.byKey(
    'caseById',
    (c: RectificationCase) => c.id,
    (ids: readonly string[]) => ctx.prisma.rectificationCase.findMany({ where: { id: { in: [...ids] } } }),
  );

export const casesByCampaignLoader = (ctx: Context) =>
  ctx.loaders.groupedBy(
    'casesByCampaign',
    (c: RectificationCase) => c.campaignId ?? '',
    (ids: readonly string[]) =>
      ctx.prisma.rectificationCase.findMany({ where: { campaignId: { in: [...ids] } }, orderBy: [{ targetKind: 'asc' }, { targetId: 'asc' }] }),
  );

export const verificationsLoader = (ctx: Context) =>
  ctx.loaders.groupedBy(
    'verificationsByCase',
    (v: RectificationVerification) => v.caseId,
    (ids: readonly string[]) => ctx.prisma.rectificationVerification.findMany({ where: { caseId: { in: [...ids] } }, orderBy: { communityId: 'asc' } }),
  );

/** The campaigns a street, department or staff member is a target of. */
export const targetingLoader = (ctx: Context) =>
  ctx.loaders.groupedBy(
    'campaignTargetsByTarget',
    (t: CampaignTarget) => t.targetId,
    (ids: readonly string[]) => ctx.prisma.campaignTarget.findMany({ where: { targetId: { in: [...ids] } }, orderBy: { campaignId: 'asc' } }),
  );

/** Every target's result per campaign, computed once per request however many targets ask. */
export const resultsLoader = (ctx: Context) =>
  ctx.loaders.get<string, LiveResult[]>('resultsByCampaign', async (ids) => {
    const campaigns = await Promise.all(ids.map((id) => campaignLoader(ctx).load(id)));
    return Promise.all(campaigns.map((c) => (c ? campaignResults(ctx, c) : [])));
  });

export const casesByTargetLoader = (ctx: Context) =>
  ctx.loaders.groupedBy(
    'casesByTarget',
    (c: RectificationCase) => c.targetId,
    (ids: readonly string[]) => ctx.prisma.rectificationCase.findMany({ where: { targetId: { in: [...ids] } }, orderBy: [{ openedOn: 'asc' }, { id: 'asc' }] }),
  );
