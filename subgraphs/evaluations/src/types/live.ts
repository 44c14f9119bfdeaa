import { notFound } from '@shequ/kit';
import { builder } from '../builder.js';
import { demandScores } from '../domain/access.js';
import { subscribeProgress, subscribeResults } from '../domain/live.js';
import type { LiveResult, Progress } from '../domain/results.js';
import { CampaignProgressRef, visibleCampaign } from './campaign.js';
import { EvaluationResult } from './result.js';

builder.subscriptionFields((t) => ({
  evaluationResultChanged: t.field({
    type: EvaluationResult,
    description:
      "A target's current result, then its new result after each accepted ballot (all targets' when targetId is omitted). Updates for one target may be coalesced under load; " +
      'the last one always arrives. While the campaign is OPEN only district administrators and its named observers may subscribe.',
    args: { campaignId: t.arg.id({ required: true }), targetId: t.arg.id() },
    subscribe: async (_root, args, ctx) => {
      const campaign = await visibleCampaign(ctx, args.campaignId);
      demandScores(ctx.caller, campaign, args.campaignId);
      return subscribeResults(ctx, args.campaignId, args.targetId);
    },
    resolve: (result: LiveResult) => result,
  }),
  campaignProgress: t.field({
    type: CampaignProgressRef,
    description: 'The current turnout, then the turnout after each accepted ballot (public)',
    args: { campaignId: t.arg.id({ required: true }) },
    subscribe: async (_root, args, ctx) => {
      if (!(await visibleCampaign(ctx, args.campaignId))) throw notFound('Campaign', args.campaignId);
      return subscribeProgress(ctx, args.campaignId);
    },
    resolve: (progress: Progress) => progress,
  }),
}));
