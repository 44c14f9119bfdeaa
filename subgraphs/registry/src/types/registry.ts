import { badInput, conflict } from '@shequ/kit';
import type { RegisteredSubgraph as SubgraphRow, SubgraphVersion as VersionRow } from '../generated/prisma/client.js';
import { builder, type Context } from '../builder.js';
import { mayRead, requireAdmin, requireSteward } from '../domain/access.js';
import { actorOf, applyProposal, checkProposal, requireRoutingUrl, rollbackTarget, type Outcome } from '../domain/changes.js';
import type { CheckReport, Finding, SchemaChange } from '../domain/findings.js';
import { requirePartnerName } from '../domain/names.js';
import { currentSdl } from '../domain/store.js';

const KindEnum = builder.enumType('SubgraphKind', {
  values: ['CORE', 'PARTNER'] as const,
  description: "CORE: one of the hub's own (from schema/); PARTNER: a partner agency's, published here",
});
const ActionEnum = builder.enumType('SubgraphVersionAction', { values: ['SYNC', 'PUBLISH', 'ROLLBACK', 'REMOVE'] as const });
const CriticalityEnum = builder.enumType('SchemaChangeCriticality', { values: ['BREAKING', 'DANGEROUS', 'SAFE'] as const });

const SchemaChangeRef = builder.objectRef<SchemaChange>('SchemaChange').implement({
  description: "A change of the federation's API schema (@graphql-inspector/core)",
  fields: (t) => ({
    type: t.exposeString('type'),
    criticality: t.field({ type: CriticalityEnum, resolve: (c) => c.criticality }),
    message: t.exposeString('message'),
    path: t.exposeString('path', { nullable: true }),
  }),
});

const FindingRef = builder.objectRef<Finding>('SchemaCheckFinding').implement({
  fields: (t) => ({
    code: t.exposeString('code', { description: 'POLICY_*, a federation composition code, BREAKS_RECORDED_OPERATION, BREAKING_CHANGE, DANGEROUS_CHANGE' }),
    message: t.exposeString('message'),
    where: t.exposeString('where', { nullable: true, description: 'A schema coordinate, a subgraph, or a recorded operation (file#name)' }),
  }),
});

const CheckRef = builder.objectRef<CheckReport>('SchemaCheck').implement({
  description: 'Everything a proposed change would do: errors refuse it, warnings do not',
  fields: (t) => ({
    ok: t.exposeBoolean('ok'),
    errors: t.field({ type: [FindingRef], resolve: (r) => r.errors }),
    warnings: t.field({ type: [FindingRef], resolve: (r) => r.warnings }),
    changes: t.field({ type: [SchemaChangeRef], resolve: (r) => r.changes }),
  }),
});

const VersionRef = builder.objectRef<VersionRow>('SubgraphVersion').implement({
  fields: (t) => ({
    version: t.exposeInt('version'),
    action: t.field({ type: ActionEnum, resolve: (v) => v.action }),
    sdl: t.exposeString('sdl', { nullable: true }),
    routingUrl: t.exposeString('routingUrl'),
    actor: t.exposeString('actor', { description: 'Who did it: role and token subject (or "schema/" for a core subgraph)' }),
    at: t.field({ type: 'DateTime', resolve: (v) => v.at }),
    changes: t.field({ type: [SchemaChangeRef], resolve: (v) => v.changes as unknown as SchemaChange[] }),
  }),
});

export const SubgraphRef = builder.objectRef<SubgraphRow>('RegisteredSubgraph').implement({
  description: 'A subgraph of the federation, with its history',
  fields: (t) => ({
    name: t.exposeString('name'),
    kind: t.field({ type: KindEnum, resolve: (s) => s.kind }),
    partnerId: t.exposeString('partnerId', { nullable: true, description: 'The partner agency that owns it' }),
    routingUrl: t.exposeString('routingUrl'),
    active: t.exposeBoolean('active', { description: 'Composed into the supergraph (false once removed)' }),
    currentVersion: t.exposeInt('currentVersion', { nullable: true }),
    keyGeneration: t.exposeInt('keyGeneration', { description: "Generation of the partner's signing secret" }),
    registeredBy: t.exposeString('registeredBy'),
    registeredAt: t.field({ type: 'DateTime', resolve: (s) => s.registeredAt }),
    sdl: t.string({
      nullable: true,
      description: 'The SDL composed now',
      resolve: (s, _args, ctx) => currentSdl(ctx.prisma, s),
    }),
    versions: t.field({
      type: [VersionRef],
      description: 'Newest first',
      args: { last: t.arg.int({ defaultValue: 50 }) },
      resolve: (s, args, ctx) => {
        const last = args.last ?? 50;
        if (last < 1 || last > 200) throw badInput('last is between 1 and 200', { field: 'last' });
        return ctx.prisma.subgraphVersion.findMany({ where: { subgraphName: s.name }, orderBy: { version: 'desc' }, take: last });
      },
    }),
  }),
});

interface Registration {
  subgraph: SubgraphRow;
  signingSecret: string;
}

const RegistrationRef = builder.objectRef<Registration>('PartnerSigningSecret').implement({
  description: "The secret the gateway signs this partner subgraph's requests with: shown once, give it to the partner",
  fields: (t) => ({
    subgraph: t.field({ type: SubgraphRef, resolve: (r) => r.subgraph }),
    signingSecret: t.exposeString('signingSecret'),
  }),
});

const OutcomeRef = builder.objectRef<Outcome>('SubgraphChange').implement({
  description: 'A change that was checked, and made when the check is ok',
  fields: (t) => ({
    ok: t.boolean({ resolve: (o) => o.report.ok }),
    check: t.field({ type: CheckRef, resolve: (o) => o.report }),
    restoredVersion: t.int({ nullable: true, description: 'For a rollback: the version whose SDL it brought back', resolve: (o) => o.restoredVersion ?? null }),
    subgraph: t.field({ type: SubgraphRef, resolve: (o) => o.subgraph }),
  }),
});

const findSubgraph = (ctx: Context, name: string) => ctx.prisma.registeredSubgraph.findUnique({ where: { name } });
const manageable = async (ctx: Context, name: string) => requireSteward(ctx.caller, await findSubgraph(ctx, name), name);
const signingSecret = (ctx: Context, subgraph: SubgraphRow): Registration => ({
  subgraph,
  signingSecret: ctx.partnerSecret(subgraph.name, subgraph.keyGeneration),
});

builder.queryFields((t) => ({
  registeredSubgraphs: t.field({
    type: [SubgraphRef],
    description: "The federation's subgraphs, removed ones too (district administrators; a partner sees the core ones and its own)",
    authScopes: { role: ['DISTRICT_ADMIN', 'PARTNER'] },
    resolve: async (_root, _args, ctx) =>
      (await ctx.prisma.registeredSubgraph.findMany({ orderBy: [{ kind: 'asc' }, { name: 'asc' }] })).filter((s) => mayRead(ctx.caller, s)),
  }),
  registeredSubgraph: t.field({
    type: SubgraphRef,
    nullable: true,
    authScopes: { role: ['DISTRICT_ADMIN', 'PARTNER'] },
    args: { name: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const found = await findSubgraph(ctx, args.name);
      return found && mayRead(ctx.caller, found) ? found : null;
    },
  }),
  subgraphCheck: t.field({
    type: CheckRef,
    description: 'What publishing this SDL would do, without publishing (schema check)',
    args: { name: t.arg.string({ required: true }), sdl: t.arg.string({ required: true }), routingUrl: t.arg.string() },
    resolve: async (_root, args, ctx) => {
      const subgraph = await manageable(ctx, args.name);
      return (await checkProposal(ctx.prisma, subgraph, args.sdl, args.routingUrl ? requireRoutingUrl(args.routingUrl) : subgraph.routingUrl)).report;
    },
  }),
}));

builder.mutationFields((t) => ({
  registerPartnerSubgraph: t.field({
    type: RegistrationRef,
    description: "Registers a partner agency's subgraph (district administrators); it joins the federation with its first publish",
    args: { name: t.arg.string({ required: true }), partnerId: t.arg.string({ required: true }), routingUrl: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      requireAdmin(ctx.caller);
      const core = await ctx.prisma.registeredSubgraph.findMany({ where: { kind: 'CORE' }, select: { name: true } });
      requirePartnerName(
        args.name,
        core.map((c) => c.name),
      );
      if (!/^[\w.-]{1,100}$/.test(args.partnerId))
        throw badInput('A partnerId is 1 to 100 letters, digits, dots, dashes or underscores', { field: 'partnerId' });
      if (await findSubgraph(ctx, args.name)) throw conflict(`A subgraph named ${args.name} is already registered`);
      const subgraph = await ctx.prisma.registeredSubgraph.create({
        data: {
          name: args.name,
          kind: 'PARTNER',
          partnerId: args.partnerId,
          routingUrl: requireRoutingUrl(args.routingUrl),
          registeredBy: actorOf(ctx.caller),
        },
      });
      ctx.log.info({ subgraph: subgraph.name, partnerId: subgraph.partnerId }, 'partner subgraph registered');
      return signingSecret(ctx, subgraph);
    },
  }),
  publishSubgraph: t.field({
    type: OutcomeRef,
    description:
      "Checks the SDL and, when the check is ok, makes it the subgraph's new version: the gateways switch to it live. force accepts breaking recorded operations.",
    args: {
      name: t.arg.string({ required: true }),
      sdl: t.arg.string({ required: true }),
      routingUrl: t.arg.string(),
      force: t.arg.boolean({ defaultValue: false }),
    },
    resolve: async (_root, args, ctx) => {
      const subgraph = await manageable(ctx, args.name);
      const url = args.routingUrl ? requireRoutingUrl(args.routingUrl) : subgraph.routingUrl;
      return applyProposal(ctx.prisma, ctx.caller, subgraph, 'PUBLISH', args.sdl, url, args.force ?? false);
    },
  }),
  rollbackSubgraph: t.field({
    type: OutcomeRef,
    description: 'Brings back an earlier version (by default the one before the current), checked like a publish',
    args: { name: t.arg.string({ required: true }), version: t.arg.int(), force: t.arg.boolean({ defaultValue: false }) },
    resolve: async (_root, args, ctx) => {
      const subgraph = await manageable(ctx, args.name);
      const target = await rollbackTarget(ctx.prisma, subgraph, args.version);
      const outcome = await applyProposal(ctx.prisma, ctx.caller, subgraph, 'ROLLBACK', target.sdl, target.routingUrl, args.force ?? false);
      return { ...outcome, restoredVersion: target.version };
    },
  }),
  removeSubgraph: t.field({
    type: OutcomeRef,
    description: 'Takes the subgraph out of the federation, live; refused while recorded operations use its fields, unless forced',
    args: { name: t.arg.string({ required: true }), force: t.arg.boolean({ defaultValue: false }) },
    resolve: async (_root, args, ctx) => {
      const subgraph = await manageable(ctx, args.name);
      if (!subgraph.active || subgraph.currentVersion === null) throw conflict(`${args.name} is not composed now`);
      return applyProposal(ctx.prisma, ctx.caller, subgraph, 'REMOVE', null, subgraph.routingUrl, args.force ?? false);
    },
  }),
  rotatePartnerSigningSecret: t.field({
    type: RegistrationRef,
    description: 'A new signing secret for the partner subgraph; the gateways use it from their next supergraph poll, and the old one stops working',
    args: { name: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      await manageable(ctx, args.name);
      const subgraph = await ctx.prisma.registeredSubgraph.update({ where: { name: args.name }, data: { keyGeneration: { increment: 1 } } });
      ctx.log.info({ subgraph: subgraph.name, keyGeneration: subgraph.keyGeneration }, 'partner signing secret rotated');
      return signingSecret(ctx, subgraph);
    },
  }),
}));
