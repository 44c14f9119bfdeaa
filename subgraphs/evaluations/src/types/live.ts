import { notFound } from '@shequ/kit';
import { builder } from '../builder.js';
import { canSeeCampaign, demandScores } from '../domain/access.js';
import { subscribeProgress, subscribeResults, subscribeStatus, type StatusEvent } from '../domain/live.js';
import type { LiveResult, Progress } from '../domain/results.js';
import { Campaign, CampaignProgressRef, CampaignStatusEnum, visibleCampaign } from './campaign.js';
import { EvaluationResult } from './result.js';

const CampaignStatusChange = builder.objectRef<StatusEvent>('CampaignStatusChange').implement({
  description: 'A campaign as its status now stands: created (DRAFT), opened, closed or published',
  fields: (t) => ({
    campaignId: t.exposeID('campaignId'),
    status: t.field({ type: CampaignStatusEnum, resolve: (e) => e.status }),
    changedAt: t.field({ type: 'DateTime', description: 'When the campaign reached this status', resolve: (e) => e.changedAt }),
    revision: t.exposeInt('revision', { description: "The campaign's revision at the change" }),
    campaign: t.field({ type: Campaign, nullable: true, resolve: (e, _args, ctx) => visibleCampaign(ctx, e.campaignId) }),
  }),
});

const ended = 'Once the campaign is closed, the final state is sent (its campaignStatus says so) and the subscription completes. ';

builder.subscriptionFields((t) => ({
  evaluationResultChanged: t.field({
    type: EvaluationResult,
    description:
      "Every target's current result (or one target's, with targetId), then each target's new result whenever it changes. " +
      'While the campaign is OPEN, results are as last released: a target is released once minBallots ballots changed since its previous release, and every target whose rank moved with it is sent too; ' +
      'messages of one update carry the same revision. ' +
      ended +
      'While the campaign is OPEN or CLOSED only district administrators and its named observers may subscribe.',
    directives: { liveState: { key: 'targetId' } },
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
    description: `The current turnout, then the turnout after accepted ballots (public; several ballots may arrive as one update). ${ended}`,
    directives: { liveState: {} },
    args: { campaignId: t.arg.id({ required: true }) },
    subscribe: async (_root, args, ctx) => {
      if (!(await visibleCampaign(ctx, args.campaignId))) throw notFound('Campaign', args.campaignId);
      return subscribeProgress(ctx, args.campaignId);
    },
    resolve: (progress: Progress) => progress,
  }),
  campaignStatusChanged: t.field({
    type: CampaignStatusChange,
    description:
      "A campaign's current status, then each change; completes once it is published. Without campaignId: every campaign's current status, then every change (public; drafts only for district administrators).",
    directives: { liveState: { key: 'campaignId' } },
    args: { campaignId: t.arg.id() },
    subscribe: async (_root, args, ctx) => {
      if (args.campaignId && !(await visibleCampaign(ctx, args.campaignId))) throw notFound('Campaign', args.campaignId);
      return subscribeStatus(ctx, args.campaignId, (status) => canSeeCampaign(ctx.caller, { status }));
    },
    resolve: (event: StatusEvent) => event,
  }),
}));
