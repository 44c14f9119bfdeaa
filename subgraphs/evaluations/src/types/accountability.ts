// A street's, department's or staff member's accountability in one place: its results per
// campaign, its rectification cases, and `accountabilityTimeline`, which merges those with the
// commitments and delegated work departments records (received through @requires, so the gateway
// fetches them in one batched call and no subgraph asks another).
import {
  accountabilityEventSelection,
  badInput,
  eventFromJson,
  inTimeOrder,
  type AccountabilityEvent as Event,
  type AccountabilityEventJson,
} from '@shequ/kit';
import { builder, type Context } from '../builder.js';
import { canSeeScores } from '../domain/access.js';
import { caseEvents, resultEvents } from '../domain/accountability.js';
import type { LiveResult } from '../domain/results.js';
import { campaignLoader, casesByTargetLoader, resultsLoader, targetingLoader, verificationsLoader } from '../loaders.js';
import { EvaluationResult } from './result.js';
import { RectificationCase, visibleCases } from './rectification.js';
import { AccountabilityEvent, Department, Staff, Street } from './refs.js';

/** The target's results in the campaigns whose scores the caller may see, oldest campaign first. */
async function resultsOf(ctx: Context, targetId: string): Promise<LiveResult[]> {
  const targeting = await targetingLoader(ctx).load(targetId);
  const campaigns = await Promise.all(targeting.map((t) => campaignLoader(ctx).load(t.campaignId)));
  const visible = campaigns
    .filter((c) => c && canSeeScores(ctx.caller, c))
    .sort((a, b) => a!.periodStart.getTime() - b!.periodStart.getTime() || a!.id.localeCompare(b!.id));
  const results = await Promise.all(visible.map((c) => resultsLoader(ctx).load(c!.id)));
  return results.flatMap((rs) => rs.filter((r) => r.targetId === targetId));
}

async function ownEvents(ctx: Context, targetId: string): Promise<Event[]> {
  const [targeting, cases] = await Promise.all([targetingLoader(ctx).load(targetId), visibleCases(ctx, await casesByTargetLoader(ctx).load(targetId))]);
  const campaigns = (await Promise.all(targeting.map((t) => campaignLoader(ctx).load(t.campaignId)))).filter((c) => c !== null);
  const published = campaigns.filter((c) => c.status === 'PUBLISHED');
  const results = await Promise.all(published.map((c) => resultsLoader(ctx).load(c.id)));
  const scoreEvents = published.flatMap((c, i) => results[i]!.filter((r) => r.targetId === targetId).flatMap((r) => resultEvents(c, r)));
  const verifications = await Promise.all(cases.map((c) => verificationsLoader(ctx).load(c.id)));
  const closedAt = await Promise.all(cases.map(async (c) => (c.campaignId ? ((await campaignLoader(ctx).load(c.campaignId))?.closedAt ?? null) : null)));
  return [...scoreEvents, ...cases.flatMap((c, i) => caseEvents(c, verifications[i]!, closedAt[i]!))];
}

const maxEvents = 500;

// The key is all Pothos knows of an external entity's shape; `requires` adds recordedEvents to the
// representation the gateway sends (the option is read whatever the field's kind).
type WithRecordedEvents = { id: string; recordedEvents?: AccountabilityEventJson[] };
const requiresRecordedEvents = { requires: builder.selection<{ recordedEvents: AccountabilityEventJson[] }>(`recordedEvents ${accountabilityEventSelection}`) };

function timelineField(t: PothosSchemaTypes.ObjectFieldBuilder<Types, { id: string }>) {
  return t.field({
    ...requiresRecordedEvents,
    type: [AccountabilityEvent],
    description:
      'Everything that happened to this unit, oldest first: scores published, bad reviews, rectification cases and their steps, ' +
      `commitments made, kept and broken, delegated work. The latest \`limit\` events (1–${maxEvents}) since \`since\``,
    args: { since: t.arg({ type: 'DateTime' }), limit: t.arg.int({ defaultValue: 100 }) },
    resolve: async (unit: WithRecordedEvents, args, ctx) => {
      const limit = args.limit ?? 100;
      if (limit < 1 || limit > maxEvents) throw badInput(`limit must be 1–${maxEvents}`, { field: 'limit' });
      const merged = inTimeOrder([...(await ownEvents(ctx, unit.id)), ...(unit.recordedEvents ?? []).map(eventFromJson)]);
      const since = args.since;
      return (since ? merged.filter((e) => e.at >= since) : merged).slice(-limit);
    },
  });
}

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

for (const ref of [Street, Department, Staff]) {
  builder.objectFields(ref, (t) => ({
    evaluations: t.field({
      type: [EvaluationResult],
      description: 'Its result in every campaign whose scores the caller may see (public once published), oldest first',
      resolve: (unit, _a, ctx) => resultsOf(ctx, unit.id),
    }),
    rectificationCases: t.field({
      type: [RectificationCase],
      description: 'Its rectification cases the caller may see, oldest first',
      resolve: async (unit, _a, ctx) => visibleCases(ctx, await casesByTargetLoader(ctx).load(unit.id)),
    }),
    accountabilityTimeline: timelineField(t),
  }));
}
