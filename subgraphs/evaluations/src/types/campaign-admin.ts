import { randomUUID } from 'node:crypto';
import { badInput, conflict, notFound } from '@shequ/kit';
import { builder, type Context } from '../builder.js';
import { closeCampaign } from '../domain/close.js';
import { announceStatus } from '../domain/live.js';
import { openCampaign } from '../domain/open.js';
import { Campaign } from './campaign.js';
import type { TargetKind } from '../domain/scoring.js';
import { TargetKindEnum } from './refs.js';

const CriterionInput = builder.inputType('EvaluationCriterionInput', {
  fields: (t) => ({
    key: t.string({ required: true, description: 'Short stable key, e.g. "attitude"' }),
    label: t.string({ required: true }),
    weight: t.float({ required: true, description: '> 0, at most two decimals; weights are relative' }),
  }),
});

const TargetInput = builder.inputType('CampaignTargetInput', {
  fields: (t) => ({ kind: t.field({ type: TargetKindEnum, required: true }), id: t.id({ required: true }) }),
});

const CampaignInput = builder.inputType('CampaignInput', {
  fields: (t) => ({
    title: t.string({ required: true }),
    periodStart: t.field({ type: 'Date', required: true }),
    periodEnd: t.field({ type: 'Date', required: true }),
    communityIds: t.idList({ description: 'The communities in scope; omit or leave empty for all' }),
    targets: t.field({ type: [TargetInput], required: true }),
    criteria: t.field({ type: [CriterionInput], required: true }),
    minBallots: t.int({ defaultValue: 5, description: 'Ballots a target needs before its scores are shown (k-anonymity)' }),
    observerIds: t.stringList({ description: 'Observers (token subject or personId) who may follow live scores' }),
  }),
});

type Input = typeof CampaignInput.$inferInput;

const unique = (values: string[]) => new Set(values).size === values.length;

/** The rows a valid input becomes, or BAD_USER_INPUT naming the field. */
function validated(input: Input) {
  const title = input.title.trim();
  if (!title || title.length > 200) throw badInput('A title has 1 to 200 characters', { field: 'title' });
  if (input.periodStart > input.periodEnd) throw badInput('The period ends before it starts', { field: 'periodEnd' });
  const minBallots = input.minBallots ?? 5;
  if (minBallots < 1 || minBallots > 1000) throw badInput('minBallots is between 1 and 1000', { field: 'minBallots' });
  if (input.targets.length === 0 || input.targets.length > 1000) throw badInput('A campaign has 1 to 1000 targets', { field: 'targets' });
  if (!unique(input.targets.map((t) => t.id))) throw badInput('A target is listed twice', { field: 'targets' });
  if (input.targets.some((t) => t.kind === 'PROVIDER')) {
    throw badInput('A campaign scores streets, departments and staff; providers are rated through their service requests', { field: 'targets' });
  }
  if (input.criteria.length === 0 || input.criteria.length > 20) throw badInput('A campaign has 1 to 20 criteria', { field: 'criteria' });
  if (!unique(input.criteria.map((c) => c.key))) throw badInput('A criterion key is listed twice', { field: 'criteria' });
  const criteria = input.criteria.map((c, position) => {
    if (!/^[A-Za-z][\w-]{0,39}$/.test(c.key)) throw badInput(`Criterion key "${c.key}" must be a short word (letters, digits, _ or -)`, { field: 'criteria' });
    if (!c.label.trim() || c.label.length > 100) throw badInput('A criterion label has 1 to 100 characters', { field: 'criteria' });
    const hundredths = Math.round(c.weight * 100);
    if (!(c.weight > 0) || c.weight > 1000 || Math.abs(c.weight * 100 - hundredths) > 1e-6) {
      throw badInput(`Weight of "${c.key}" must be > 0 and at most 1000, with at most two decimals`, { field: 'criteria' });
    }
    return { key: c.key, label: c.label.trim(), weightHundredths: hundredths, position };
  });
  const scope = input.communityIds ?? [];
  if (!unique(scope) || scope.length > 1000) throw badInput('Communities in scope are listed once each', { field: 'communityIds' });
  const observerIds = input.observerIds ?? [];
  if (observerIds.length > 100 || observerIds.some((o) => !o || o.length > 200))
    throw badInput('At most 100 observers, each id 1 to 200 characters', { field: 'observerIds' });
  return {
    campaign: {
      title,
      periodStart: new Date(`${input.periodStart}T00:00:00Z`),
      periodEnd: new Date(`${input.periodEnd}T00:00:00Z`),
      minBallots,
      scopeCommunityIds: scope,
      observerIds,
    },
    criteria,
    targets: input.targets.map((t, position) => ({ targetId: t.id, kind: t.kind as TargetKind, position })),
  };
}

async function reload(ctx: Context, id: string) {
  const campaign = await ctx.prisma.campaign.findUnique({ where: { id } });
  if (!campaign) throw notFound('Campaign', id);
  return campaign;
}

const admin = { role: 'DISTRICT_ADMIN' } as const;

builder.mutationFields((t) => ({
  createCampaign: t.field({
    type: Campaign,
    description: 'A new DRAFT campaign (district administrators)',
    authScopes: admin,
    args: { input: t.arg({ type: CampaignInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const rows = validated(args.input);
      const id = `campaign-${randomUUID()}`;
      await ctx.prisma.$transaction([
        ctx.prisma.campaign.create({ data: { id, ...rows.campaign } }),
        ctx.prisma.criterion.createMany({ data: rows.criteria.map((c) => ({ campaignId: id, ...c })) }),
        ctx.prisma.campaignTarget.createMany({ data: rows.targets.map((x) => ({ campaignId: id, ...x })) }),
      ]);
      await announceStatus(ctx, id);
      return reload(ctx, id);
    },
  }),
  updateCampaign: t.field({
    type: Campaign,
    description: "Replaces a DRAFT campaign's definition; only drafts are editable",
    authScopes: admin,
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: CampaignInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const rows = validated(args.input);
      await ctx.prisma.$transaction(async (tx) => {
        const updated = await tx.campaign.updateMany({ where: { id: args.id, status: 'DRAFT' }, data: rows.campaign });
        if (updated.count === 0) {
          const current = await tx.campaign.findUnique({ where: { id: args.id } });
          if (!current) throw notFound('Campaign', args.id);
          throw conflict(`Only DRAFT campaigns are editable; ${args.id} is ${current.status}`);
        }
        await tx.criterion.deleteMany({ where: { campaignId: args.id } });
        await tx.campaignTarget.deleteMany({ where: { campaignId: args.id } });
        await tx.criterion.createMany({ data: rows.criteria.map((c) => ({ campaignId: args.id, ...c })) });
        await tx.campaignTarget.createMany({ data: rows.targets.map((x) => ({ campaignId: args.id, ...x })) });
      });
      return reload(ctx, args.id);
    },
  }),
  openCampaign: t.field({
    type: Campaign,
    description: 'DRAFT → OPEN: counts the eligible representatives per target (asks committees and departments)',
    authScopes: admin,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      await openCampaign(ctx, args.id);
      await announceStatus(ctx, args.id);
      return reload(ctx, args.id);
    },
  }),
  closeCampaign: t.field({
    type: Campaign,
    description: 'OPEN → CLOSED: no more ballots; every target with a bad review gets a rectification case',
    authScopes: admin,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const { cases, belowMinimum } = await closeCampaign(ctx.prisma, args.id);
      ctx.log.info({ campaignId: args.id, cases, belowMinimum }, 'campaign closed');
      await announceStatus(ctx, args.id);
      return reload(ctx, args.id);
    },
  }),
  publishCampaign: t.field({
    type: Campaign,
    description: 'CLOSED → PUBLISHED: results become public',
    authScopes: admin,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const published = await ctx.prisma.campaign.updateMany({
        where: { id: args.id, status: 'CLOSED' },
        data: { status: 'PUBLISHED', publishedAt: new Date() },
      });
      if (published.count === 0) throw conflict(`Only a CLOSED campaign can be published; ${args.id} is ${(await reload(ctx, args.id)).status}`);
      await announceStatus(ctx, args.id);
      return reload(ctx, args.id);
    },
  }),
}));
