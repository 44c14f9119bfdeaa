import { builder } from '../builder.js';
import { canSeeScores, demandScores } from '../domain/access.js';
import type { LiveResult } from '../domain/results.js';
import type { CriterionResult } from '../domain/scoring.js';
import { campaignLoader, campaignResults } from '../loaders.js';
import { Campaign, CampaignStatusEnum, visibleCampaign } from './campaign.js';
import { GradeEnum, TargetKindEnum, targetFields } from './refs.js';

const CriterionResultRef = builder.objectRef<CriterionResult>('CriterionResult').implement({
  fields: (t) => ({
    key: t.exposeString('key'),
    label: t.exposeString('label'),
    weight: t.exposeFloat('weight'),
    meanLevel: t.exposeFloat('meanLevel', { description: "Mean level 1–5 over the target's ballots, rounded to 2 decimals" }),
  }),
});

export const EvaluationResult = builder.objectRef<LiveResult>('EvaluationResult').implement({
  description:
    "A target's result, computed from its ballots: ballot score = Σ(weight × level) / Σweight; score = round(100 × (mean ballot score − 1) / 4, 2). " +
    "Below the campaign's minBallots only ballotCount is shown; everything else is null.",
  fields: (t) => ({
    campaignId: t.exposeID('campaignId'),
    campaign: t.field({ type: Campaign, nullable: true, resolve: (r, _a, ctx) => campaignLoader(ctx).load(r.campaignId) }),
    campaignStatus: t.field({
      type: CampaignStatusEnum,
      description: "The campaign's status for this result: while OPEN it is as last released, from CLOSED on it is final",
      resolve: (r) => r.campaignStatus,
    }),
    ...targetFields(t, (r) => r.kind),
    ballotCount: t.exposeInt('ballotCount'),
    eligibleVoters: t.exposeInt('eligibleVoters'),
    meetsMinBallots: t.boolean({ description: 'The target has at least minBallots ballots, so its scores are shown', resolve: (r) => r.visible }),
    score: t.exposeFloat('score', { nullable: true, description: '0–100, two decimals' }),
    grade: t.field({ type: GradeEnum, nullable: true, resolve: (r) => r.grade }),
    rank: t.exposeInt('rank', { nullable: true, description: 'Among targets of the same kind with scores shown; equal scores share a rank (1, 2, 2, 4)' }),
    satisfactionRate: t.exposeFloat('satisfactionRate', { nullable: true, description: 'Share of ballots with ballot score ≥ 3, rounded to 4 decimals' }),
    badReviews: t.exposeInt('badReviews', { nullable: true, description: 'Ballots with ballot score < 3 (差评)' }),
    criteria: t.field({
      type: [CriterionResultRef],
      nullable: true,
      description: 'Per-criterion mean levels; shown once the campaign is closed (live, they would reveal single ballots)',
      resolve: (r) => r.criteria,
    }),
    comments: t.stringList({
      nullable: true,
      description: 'Anonymised comments, sorted, never tied to a ballot; shown once the campaign is closed',
      resolve: (r) => r.comments,
    }),
    revision: t.exposeInt('revision', { description: 'The campaign revision this result reflects; keep the highest seen' }),
  }),
});

builder.objectFields(Campaign, (t) => ({
  results: t.field({
    type: [EvaluationResult],
    nullable: true,
    description: "Every target's result. While OPEN or CLOSED only for district administrators and named observers; public once PUBLISHED",
    args: { kind: t.arg({ type: TargetKindEnum }) },
    resolve: async (campaign, args, ctx) => {
      demandScores(ctx.caller, campaign, campaign.id);
      const results = await campaignResults(ctx, campaign);
      return args.kind ? results.filter((r) => r.kind === args.kind) : results;
    },
  }),
  canSeeScores: t.boolean({ description: "Whether the caller may see this campaign's scores now", resolve: (c, _args, ctx) => canSeeScores(ctx.caller, c) }),
}));

builder.queryFields((t) => ({
  evaluationResult: t.field({
    type: EvaluationResult,
    nullable: true,
    description: "One target's result in a campaign (same visibility as Campaign.results)",
    args: { campaignId: t.arg.id({ required: true }), targetId: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const campaign = await visibleCampaign(ctx, args.campaignId);
      demandScores(ctx.caller, campaign, args.campaignId);
      return (await campaignResults(ctx, campaign!)).find((r) => r.targetId === args.targetId) ?? null;
    },
  }),
}));
