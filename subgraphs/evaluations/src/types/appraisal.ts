import { conflict, notFound } from '@shequ/kit';
import type { RectificationCase as CaseRow } from '../generated/prisma/client.js';
import { builder } from '../builder.js';
import { isOverdue } from '../domain/rectification.js';
import type { LiveResult } from '../domain/results.js';
import { campaignResults, casesByCampaignLoader } from '../loaders.js';
import { visibleCampaign } from './campaign.js';
import { GradeEnum, TargetKindEnum, targetFields } from './refs.js';
import { RectificationCase, RectificationStatusEnum } from './rectification.js';

interface Entry {
  result: LiveResult;
  rectification: CaseRow | null;
}

const AppraisalEntry = builder.objectRef<Entry & { targetId: string }>('AppraisalEntry').implement({
  description: 'One line of the appraisal feed: the input to target-management and civil-servant appraisal (目标管理考核、公务员考核)',
  fields: (t) => ({
    campaignId: t.id({ resolve: (e) => e.result.campaignId }),
    ...targetFields(t, (e) => e.result.kind),
    ballotCount: t.int({ resolve: (e) => e.result.ballotCount }),
    score: t.float({ nullable: true, description: "Null below the campaign's minBallots", resolve: (e) => e.result.score }),
    grade: t.field({ type: GradeEnum, nullable: true, resolve: (e) => e.result.grade }),
    rank: t.int({ nullable: true, resolve: (e) => e.result.rank }),
    satisfactionRate: t.float({ nullable: true, resolve: (e) => e.result.satisfactionRate }),
    rectificationStatus: t.field({
      type: RectificationStatusEnum,
      nullable: true,
      description: 'Null when the target had no bad review',
      resolve: (e) => e.rectification?.status ?? null,
    }),
    rectificationOverdue: t.boolean({ resolve: (e) => (e.rectification ? isOverdue(e.rectification) : false) }),
    rectificationCase: t.field({ type: RectificationCase, nullable: true, resolve: (e) => e.rectification }),
  }),
});

const kindOrder = { DEPARTMENT: 0, STREET: 1, STAFF: 2 } as const;

builder.queryField('appraisal', (t) =>
  t.field({
    type: [AppraisalEntry],
    description: 'Per department, street and staff member of a PUBLISHED campaign: score, grade, rank, satisfaction rate and rectification status (public)',
    args: { campaignId: t.arg.id({ required: true }), kind: t.arg({ type: TargetKindEnum }) },
    resolve: async (_root, args, ctx) => {
      const campaign = await visibleCampaign(ctx, args.campaignId);
      if (!campaign) throw notFound('Campaign', args.campaignId);
      if (campaign.status !== 'PUBLISHED') throw conflict(`The appraisal feed is for PUBLISHED campaigns; ${campaign.id} is ${campaign.status}`);
      const [results, cases] = await Promise.all([campaignResults(ctx, campaign), casesByCampaignLoader(ctx).load(campaign.id)]);
      const caseOf = new Map(cases.map((c) => [c.targetId, c]));
      return results
        .filter((r) => !args.kind || r.kind === args.kind)
        .sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.targetId.localeCompare(b.targetId))
        .map((result) => ({ targetId: result.targetId, result, rectification: caseOf.get(result.targetId) ?? null }));
    },
  }),
);
