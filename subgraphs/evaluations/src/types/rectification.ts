import type { RectificationCase as CaseRow, RectificationVerification as VerificationRow } from '../generated/prisma/client.js';
import { builder, type Context } from '../builder.js';
import {
  canSeeCase,
  isOverdue,
  rectificationWorkingDays,
  waitingOn,
  waitingStatus,
  workingDaysLeft,
  type RectificationParty,
} from '../domain/rectification.js';
import { campaignLoader, caseLoader, casesByCampaignLoader, verificationsLoader } from '../loaders.js';
import { Campaign } from './campaign.js';
import { Community, Department, ServiceItem, ServicePoint, ServiceProvider, targetFields } from './refs.js';

export const RectificationStatusEnum = builder.enumType('RectificationStatus', {
  values: ['AWAITING_PLAN', 'PLAN_SUBMITTED', 'APPEALED', 'VERIFIED', 'DISMISSED'] as const,
});

const AppealDecisionEnum = builder.enumType('AppealDecision', { values: ['UPHELD', 'REJECTED'] as const });

export const RectificationSourceEnum = builder.enumType('RectificationSource', {
  description: 'What opened a case: bad reviews in a campaign that closed, or a service request rated DISSATISFIED or VERY_DISSATISFIED',
  values: ['CAMPAIGN_BALLOT', 'SERVICE_RATING'] as const,
});

export const RectificationPartyEnum = builder.enumType('RectificationParty', {
  description:
    'Who has to act next on an open case: RESPONSIBLE (the target writes or rewrites its plan), ' +
    'COMMUNITY (the affected communities verify the plan), DISTRICT (a district administrator decides an appeal)',
  values: ['RESPONSIBLE', 'COMMUNITY', 'DISTRICT'] as const,
});

/** The same five levels as services' ServiceRating (federation merges the two). */
export const ServiceRatingEnum = builder.enumType('ServiceRating', {
  values: ['VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'VERY_DISSATISFIED'] as const,
});
type Rating = typeof ServiceRatingEnum.$inferType;

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
  description:
    "Follow-up of bad reviews (差评整改): a target's in a campaign that closed, or one bad rating of a service request. " +
    'The target is who must rectify: the street, department or staff member; for a service rating the provider running the service',
  fields: (t) => ({
    id: t.exposeID('id'),
    source: t.field({ type: RectificationSourceEnum, resolve: (c) => c.source }),
    campaign: t.field({
      type: Campaign,
      nullable: true,
      description: 'Null for a service rating',
      resolve: (c, _args, ctx) => (c.campaignId ? campaignLoader(ctx).load(c.campaignId) : null),
    }),
    ...targetFields(t, (c) => c.targetKind),
    provider: t.field({
      type: ServiceProvider,
      nullable: true,
      description: 'Set when the target is a service provider',
      resolve: (c) => (c.targetKind === 'PROVIDER' ? { id: c.targetId } : null),
    }),
    serviceRequestId: t.exposeID('serviceRequestId', { nullable: true, description: 'SERVICE_RATING: the rated request (owned by services)' }),
    servicePoint: t.field({ type: ServicePoint, nullable: true, resolve: (c) => (c.servicePointId ? { id: c.servicePointId } : null) }),
    serviceItem: t.field({ type: ServiceItem, nullable: true, resolve: (c) => (c.serviceItemId ? { id: c.serviceItemId } : null) }),
    leadDepartment: t.field({
      type: Department,
      nullable: true,
      description: 'SERVICE_RATING: the department overseeing the service item, which follows the case',
      resolve: (c) => (c.leadDepartmentId ? { id: c.leadDepartmentId } : null),
    }),
    rating: t.field({ type: ServiceRatingEnum, nullable: true, description: 'SERVICE_RATING: the rating given', resolve: (c) => c.rating as Rating | null }),
    ratedAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.ratedAt }),
    badReviews: t.exposeInt('badReviews', { description: 'Ballots with ballot score < 3 (1 for a service rating)' }),
    comments: t.exposeStringList('comments', { description: "The bad reviews' comments, anonymised and sorted" }),
    affectedCommunities: t.field({
      type: [Community],
      nullable: { list: true, items: false },
      description: 'Communities whose representatives gave the bad reviews; their assemblies verify the rectification',
      resolve: (c) => c.affectedCommunityIds.map((id) => ({ id })),
    }),
    openedOn: t.field({ type: 'Date', resolve: (c) => c.openedOn }),
    deadline: t.field({
      type: 'Date',
      description:
        `${rectificationWorkingDays} working days after opening (official public holidays and 补班 weekends counted as the State Council publishes them); ` +
        'a rejected appeal gives back the working days that were left when it was filed',
      resolve: (c) => c.deadline,
    }),
    status: t.field({ type: RectificationStatusEnum, resolve: (c) => c.status }),
    overdue: t.boolean({
      description: 'Past the deadline and not yet verified or dismissed (never while an appeal waits: the deadline stands still)',
      resolve: (c) => isOverdue(c),
    }),
    workingDaysLeft: t.int({
      nullable: true,
      description: 'Working days before the deadline (0 on the day and after it); while appealed, those kept for after the decision; null once resolved',
      resolve: (c) => workingDaysLeft(c),
    }),
    waitingOn: t.field({ type: RectificationPartyEnum, nullable: true, description: 'Who has to act next; null once resolved', resolve: (c) => waitingOn(c) }),
    pendingCommunities: t.field({
      type: [Community],
      nullable: { list: false, items: false },
      description: 'While the plan is being verified: the affected communities that have not accepted it yet',
      resolve: async (c, _args, ctx) => {
        if (c.status !== 'PLAN_SUBMITTED') return [];
        const accepted = new Set((await verificationsLoader(ctx).load(c.id)).filter((v) => v.accepted).map((v) => v.communityId));
        return c.affectedCommunityIds.filter((id) => !accepted.has(id)).map((id) => ({ id }));
      },
    }),
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
  const campaigns = await Promise.all(cases.map((c) => (c.campaignId ? campaignLoader(ctx).load(c.campaignId) : null)));
  // A campaign case whose campaign is gone is gone too (they cascade); never shown without it.
  return cases.filter((c, i) => (c.campaignId ? campaigns[i] != null : true) && canSeeCase(ctx.caller, c, campaigns[i] ?? null));
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
    description: 'Rectification cases the caller may see, by campaign, target, source, status, who has to act next or overdue flag',
    args: {
      campaignId: t.arg.id(),
      targetId: t.arg.id(),
      source: t.arg({ type: RectificationSourceEnum }),
      status: t.arg({ type: RectificationStatusEnum }),
      waitingOn: t.arg({ type: RectificationPartyEnum, description: 'Open cases waiting on this party' }),
      overdue: t.arg.boolean(),
    },
    resolve: async (_root, args, ctx) => {
      const waiting = args.waitingOn ? waitingStatus[args.waitingOn as RectificationParty] : null;
      if (waiting && args.status && args.status !== waiting) return [];
      const status = args.status ?? waiting;
      const rows = await ctx.prisma.rectificationCase.findMany({
        where: {
          ...(args.campaignId ? { campaignId: args.campaignId } : {}),
          ...(args.targetId ? { targetId: args.targetId } : {}),
          ...(args.source ? { source: args.source } : {}),
          ...(status ? { status } : {}),
        },
        orderBy: [{ deadline: 'asc' }, { id: 'asc' }],
        take: 1000,
      });
      const visible = await visibleCases(ctx, rows);
      return args.overdue == null ? visible : visible.filter((c) => isOverdue(c) === args.overdue);
    },
  }),
}));
