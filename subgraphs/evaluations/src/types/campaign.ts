import type { Campaign as CampaignRow, CampaignTarget as TargetRow, Criterion as CriterionRow } from '../generated/prisma/client.js';
import { builder, type Context } from '../builder.js';
import { canSeeCampaign } from '../domain/access.js';
import { isSettled, progressOf, revisionOf, type Progress } from '../domain/results.js';
import { ballotCountLoader, campaignLoader, criteriaLoader, liveTallyLoader, targetsLoader } from '../loaders.js';
import { Community, targetFields } from './refs.js';

export const CampaignStatusEnum = builder.enumType('CampaignStatus', {
  description: 'DRAFT (editable) → OPEN (ballots accepted) → CLOSED (rectification begins) → PUBLISHED (results public)',
  values: ['DRAFT', 'OPEN', 'CLOSED', 'PUBLISHED'] as const,
});

export const CriterionRef = builder.objectRef<CriterionRow>('EvaluationCriterion').implement({
  description: 'One thing representatives score, with its relative weight',
  fields: (t) => ({
    key: t.exposeString('key'),
    label: t.exposeString('label'),
    weight: t.float({ description: 'Relative weight (> 0, at most two decimals)', resolve: (c) => c.weightHundredths / 100 }),
  }),
});

export const CampaignTargetRef = builder.objectRef<TargetRow>('CampaignTarget').implement({
  description: 'A street, department or staff member scored in a campaign',
  fields: (t) => ({
    ...targetFields(t, (row) => row.kind),
    eligibleVoters: t.exposeInt('eligibleVoters', { description: 'Representatives who may score this target, counted when the campaign opened' }),
  }),
});

export const CampaignProgressRef = builder.objectRef<Progress>('CampaignProgress').implement({
  description: 'Turnout: ballots cast out of the ballots eligible representatives could cast (public)',
  fields: (t) => ({
    campaignId: t.exposeID('campaignId'),
    campaignStatus: t.field({ type: CampaignStatusEnum, description: "The campaign's status at this turnout", resolve: (p) => p.campaignStatus }),
    ballotsCast: t.exposeInt('ballotsCast'),
    eligibleBallots: t.exposeInt('eligibleBallots', { description: 'Σ over targets of the representatives who may score it' }),
    turnout: t.exposeFloat('turnout', { description: 'ballotsCast / eligibleBallots, rounded to 4 decimals (0 before opening)' }),
    revision: t.exposeInt('revision', { description: 'Grows with every accepted ballot; keep the highest seen' }),
  }),
});

export const Campaign = builder.objectRef<CampaignRow>('Campaign').implement({
  description: 'An evaluation campaign (社区评议): community representatives score streets, departments and staff',
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    periodStart: t.field({ type: 'Date', resolve: (c) => c.periodStart }),
    periodEnd: t.field({ type: 'Date', resolve: (c) => c.periodEnd }),
    status: t.field({ type: CampaignStatusEnum, resolve: (c) => c.status }),
    minBallots: t.exposeInt('minBallots', { description: 'Below this many ballots a target shows only its ballot count' }),
    allCommunities: t.boolean({ description: 'Every community of the district is in scope', resolve: (c) => c.scopeCommunityIds.length === 0 }),
    scopeCommunities: t.field({
      type: [Community],
      nullable: { list: true, items: false },
      description: 'The communities in scope when not all are',
      resolve: (c) => c.scopeCommunityIds.map((id) => ({ id })),
    }),
    criteria: t.field({ type: [CriterionRef], resolve: (c, _args, ctx) => criteriaLoader(ctx).load(c.id) }),
    targets: t.field({ type: [CampaignTargetRef], resolve: (c, _args, ctx) => targetsLoader(ctx).load(c.id) }),
    observerIds: t.stringList({
      nullable: true,
      authScopes: { role: 'DISTRICT_ADMIN' },
      description: 'Observers (token subject or personId) who may follow live scores while the campaign is OPEN or CLOSED',
      resolve: (c) => c.observerIds,
    }),
    progress: t.field({
      type: CampaignProgressRef,
      resolve: async (c, _args, ctx) => {
        const [targets, tallies, cast] = await Promise.all([
          targetsLoader(ctx).load(c.id),
          isSettled(c) ? [] : liveTallyLoader(ctx).load(c.id),
          ballotCountLoader(ctx).load(c.id),
        ]);
        return progressOf({ ...c, revision: revisionOf(c, tallies), targets }, cast);
      },
    }),
    createdAt: t.field({ type: 'DateTime', resolve: (c) => c.createdAt }),
    openedAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.openedAt }),
    closedAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.closedAt }),
    publishedAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.publishedAt }),
  }),
});

/** A campaign the caller may see, or null. */
export async function visibleCampaign(ctx: Context, id: string): Promise<CampaignRow | null> {
  const campaign = await campaignLoader(ctx).load(id);
  return campaign && canSeeCampaign(ctx.caller, campaign) ? campaign : null;
}

builder.asEntity(Campaign, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => visibleCampaign(ctx, ref.id),
});

builder.queryFields((t) => ({
  campaign: t.field({
    type: Campaign,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => visibleCampaign(ctx, args.id),
  }),
  campaigns: t.field({
    type: [Campaign],
    description: 'Evaluation campaigns, newest period first (drafts only for district administrators)',
    args: { status: t.arg({ type: CampaignStatusEnum }) },
    resolve: async (_root, args, ctx) => {
      const rows = await ctx.prisma.campaign.findMany({ where: args.status ? { status: args.status } : {}, orderBy: [{ periodStart: 'desc' }, { id: 'asc' }] });
      return rows.filter((c) => canSeeCampaign(ctx.caller, c));
    },
  }),
}));
