import type { RectificationCase as CaseRow, RectificationVerification as VerificationRow } from '../generated/prisma/client.js';
import { builder, type Context } from '../builder.js';
import { canSeeCase, isOverdue } from '../domain/rectification.js';
import { campaignLoader, caseLoader, casesByCampaignLoader, verificationsLoader } from '../loaders.js';
import { Campaign } from './campaign.js';
import { Community, targetFields } from './refs.js';

export const RectificationStatusEnum = builder.enumType('RectificationStatus', {
  values: ['AWAITING_PLAN', 'PLAN_SUBMITTED', 'APPEALED', 'VERIFIED', 'DISMISSED'] as const,
});

const AppealDecisionEnum = builder.enumType('AppealDecision', { values: ['UPHELD', 'REJECTED'] as const });

const Verification = builder.objectRef<VerificationRow>('RectificationVerification').implement({
  description: "An affected community's representative assembly accepting the rectification, or sending it back",
  fields: (t) => ({
    community: t.field({ type: Community, nullable: true, resolve: (v) => ({ id: v.communityId }) }),
    accepted: t.exposeBoolean('accepted'),
    note: t.exposeString('note', { nullable: true }),
    verifiedAt: t.field({ type: 'DateTime', resolve: (v) => v.verifiedAt }),
  }),
});

const Appeal = builder.objectRef<CaseRow>('RectificationAppeal').implement({
  description: 'The target contesting the case (mistaken or malicious reviews); a district administrator decides',
  fields: (t) => ({
    reason: t.string({ resolve: (c) => c.appealReason ?? '' }),
    appealedAt: t.field({ type: 'DateTime', resolve: (c) => c.appealedAt! }),
    decision: t.field({ type: AppealDecisionEnum, nullable: true, resolve: (c) => c.appealDecision }),
    decisionNote: t.exposeString('appealDecisionNote', { nullable: true }),
    decidedAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.appealDecidedAt }),
  }),
});

export const RectificationCase = builder.objectRef<CaseRow>('RectificationCase').implement({
  description: 'Follow-up of a target\'s bad reviews (差评整改), opened when its campaign closed',
  fields: (t) => ({
    id: t.exposeID('id'),
    campaign: t.field({ type: Campaign, nullable: true, resolve: (c, _args, ctx) => campaignLoader(ctx).load(c.campaignId) }),
    ...targetFields(t, (c) => c.targetKind),
    badReviews: t.exposeInt('badReviews', { description: 'Ballots with ballot score < 3' }),
    comments: t.exposeStringList('comments', { description: 'The bad reviews\' comments, anonymised and sorted' }),
    affectedCommunities: t.field({
      type: [Community],
      nullable: { list: true, items: false },
      description: 'Communities whose representatives gave the bad reviews; their assemblies verify the rectification',
      resolve: (c) => c.affectedCommunityIds.map((id) => ({ id })),
    }),
    openedOn: t.field({ type: 'Date', resolve: (c) => c.openedOn }),
    deadline: t.field({ type: 'Date', description: '15 working days (Monday–Friday) after opening', resolve: (c) => c.deadline }),
    status: t.field({ type: RectificationStatusEnum, resolve: (c) => c.status }),
    overdue: t.boolean({ description: 'Past the deadline and not yet verified or dismissed', resolve: (c) => isOverdue(c) }),
    plan: t.exposeString('plan', { nullable: true }),
    planSubmittedAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.planSubmittedAt }),
    revisionNote: t.exposeString('revisionNote', { nullable: true, description: 'Why an assembly last sent the plan back' }),
    appeal: t.field({ type: Appeal, nullable: true, resolve: (c) => (c.appealedAt ? c : null) }),
    verifications: t.field({ type: [Verification], resolve: (c, _args, ctx) => verificationsLoader(ctx).load(c.id) }),
    resolvedAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.resolvedAt }),
  }),
});

/** Cases the caller may see, in the order given. */
export async function visibleCases(ctx: Context, cases: CaseRow[]): Promise<CaseRow[]> {
  const campaigns = await Promise.all(cases.map((c) => campaignLoader(ctx).load(c.campaignId)));
  return cases.filter((c, i) => campaigns[i] && canSeeCase(ctx.caller, c, campaigns[i]!));
}

builder.asEntity(RectificationCase, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: async (ref, ctx) => {
    const found = await caseLoader(ctx).load(ref.id);
    return found ? ((await visibleCases(ctx, [found]))[0] ?? null) : null;
  },
});

builder.objectField(Campaign, 'rectificationCases', (t) =>
  t.field({
    type: [RectificationCase],
    description: 'Cases opened when the campaign closed (those the caller may see)',
    resolve: async (c, _args, ctx) => visibleCases(ctx, await casesByCampaignLoader(ctx).load(c.id)),
  }),
);

builder.queryFields((t) => ({
  rectificationCase: t.field({
    type: RectificationCase,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const found = await caseLoader(ctx).load(args.id);
      return found ? ((await visibleCases(ctx, [found]))[0] ?? null) : null;
    },
  }),
  rectificationCases: t.field({
    type: [RectificationCase],
    description: 'Rectification cases the caller may see, by campaign, target, status or overdue flag',
    args: {
      campaignId: t.arg.id(),
      targetId: t.arg.id(),
      status: t.arg({ type: RectificationStatusEnum }),
      overdue: t.arg.boolean(),
    },
    resolve: async (_root, args, ctx) => {
      const rows = await ctx.prisma.rectificationCase.findMany({
        where: {
          ...(args.campaignId ? { campaignId: args.campaignId } : {}),
          ...(args.targetId ? { targetId: args.targetId } : {}),
          ...(args.status ? { status: args.status } : {}),
        },
        orderBy: [{ deadline: 'asc' }, { id: 'asc' }],
        take: 1000,
      });
      const visible = await visibleCases(ctx, rows);
      return args.overdue == null ? visible : visible.filter((c) => isOverdue(c) === args.overdue);
    },
  }),
}));
