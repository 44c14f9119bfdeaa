import { badInput, check, conflict, forbidden, notFound, unauthenticated, rules, type Caller } from '@shequ/kit';
import type { Context } from '../builder.js';
import { builder } from '../builder.js';
import type { Prisma, RectificationCase as CaseRow, RectificationStatus } from '../generated/prisma/client.js';
import { requireRegisteredRepresentative } from '../domain/facts.js';
import { actsForTarget, daysLeftAtAppeal, resumedDeadline, verifiesFor } from '../domain/rectification.js';
import { RectificationCase } from './rectification.js';

async function load(ctx: Context, id: string, allowed: (caller: Caller, c: CaseRow) => boolean, who: string): Promise<CaseRow> {
  if (ctx.caller.role === 'ANONYMOUS') throw unauthenticated();
  const found = await ctx.prisma.rectificationCase.findUnique({ where: { id } });
  if (!found) throw notFound('Rectification case', id);
  if (!allowed(ctx.caller, found)) throw forbidden(`Only ${who} may do this`);
  return found;
}

/** Moves the case from one of `from` to new data, unless someone moved it first. */
async function transition(ctx: Context, c: CaseRow, from: RectificationStatus[], data: Prisma.RectificationCaseUpdateManyMutationInput) {
  if (!from.includes(c.status)) throw conflict(`The case is ${c.status}; this needs ${from.join(' or ')}`);
  const moved = await ctx.prisma.rectificationCase.updateMany({ where: { id: c.id, status: c.status }, data });
  if (moved.count === 0) throw conflict('The case was changed meanwhile; reload it and try again');
  return ctx.prisma.rectificationCase.findUniqueOrThrow({ where: { id: c.id } });
}

const targetStaff = "the target's own street office, department, staff member or service provider";

builder.mutationFields((t) => ({
  submitRectificationPlan: t.field({
    type: RectificationCase,
    description: 'The target submits how it will rectify (AWAITING_PLAN → PLAN_SUBMITTED)',
    args: { caseId: t.arg.id({ required: true }), plan: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const c = await load(ctx, args.caseId, actsForTarget, targetStaff);
      return transition(ctx, c, ['AWAITING_PLAN'], { status: 'PLAN_SUBMITTED', plan: check(rules.text(4000), args.plan, 'plan'), planSubmittedAt: new Date() });
    },
  }),
  verifyRectification: t.field({
    type: RectificationCase,
    description:
      "An affected community's assembly (any of its representatives; for a service rating also its committee staff) accepts the rectification or sends it back with a note. " +
      'When every affected community has accepted, the case is VERIFIED.',
    args: { caseId: t.arg.id({ required: true }), accepted: t.arg.boolean({ required: true }), note: t.arg.string() },
    resolve: async (_root, args, ctx) => {
      const c = await load(ctx, args.caseId, verifiesFor, 'representatives (for a service rating, committee staff) of the affected communities');
      // An assembly's word counts only from a representative the register holds, as for ballots.
      if (ctx.caller.role === 'REPRESENTATIVE') await requireRegisteredRepresentative(ctx.services, ctx.caller);
      const communityId = ctx.caller.communityId!;
      const note = args.note ? check(rules.text(1000), args.note, 'note') : null;
      if (!args.accepted && !note) throw badInput('Say why the rectification is not accepted', { field: 'note' });
      if (c.status !== 'PLAN_SUBMITTED') throw conflict(`The case is ${c.status}; only a submitted plan is verified`);
      return ctx.prisma.$transaction(async (tx) => {
        // Lock the case: two assemblies verifying at once must both be counted.
        const moved = await tx.rectificationCase.updateMany({ where: { id: c.id, status: 'PLAN_SUBMITTED' }, data: { status: 'PLAN_SUBMITTED' } });
        if (moved.count === 0) throw conflict('The case was changed meanwhile; reload it and try again');
        if (!args.accepted) {
          await tx.rectificationVerification.deleteMany({ where: { caseId: c.id } });
          await tx.rectificationCase.update({ where: { id: c.id }, data: { status: 'AWAITING_PLAN', revisionNote: note } });
          return tx.rectificationCase.findUniqueOrThrow({ where: { id: c.id } });
        }
        await tx.rectificationVerification.upsert({
          where: { caseId_communityId: { caseId: c.id, communityId } },
          create: { caseId: c.id, communityId, accepted: true, note },
          update: { accepted: true, note, verifiedAt: new Date() },
        });
        const accepted = await tx.rectificationVerification.count({ where: { caseId: c.id, accepted: true } });
        if (accepted >= c.affectedCommunityIds.length) {
          await tx.rectificationCase.update({ where: { id: c.id }, data: { status: 'VERIFIED', resolvedAt: new Date() } });
        }
        return tx.rectificationCase.findUniqueOrThrow({ where: { id: c.id } });
      });
    },
  }),
  appealRectificationCase: t.field({
    type: RectificationCase,
    description: 'The target contests the case once (mistaken or malicious reviews); a district administrator decides',
    args: { caseId: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const c = await load(ctx, args.caseId, actsForTarget, targetStaff);
      if (c.appealedAt) throw conflict('This case was already appealed once');
      return transition(ctx, c, ['AWAITING_PLAN', 'PLAN_SUBMITTED'], {
        status: 'APPEALED',
        statusBeforeAppeal: c.status,
        appealReason: check(rules.text(2000), args.reason, 'reason'),
        appealedAt: new Date(),
        // The deadline stands still while the district decides.
        appealDaysLeft: daysLeftAtAppeal(c.deadline),
      });
    },
  }),
  decideRectificationAppeal: t.field({
    type: RectificationCase,
    description:
      'A district administrator upholds the appeal (case DISMISSED) or rejects it: the case resumes where it stood, ' +
      'its deadline as many working days after the decision as were left when the appeal was filed',
    authScopes: { role: 'DISTRICT_ADMIN' },
    args: { caseId: t.arg.id({ required: true }), upheld: t.arg.boolean({ required: true }), note: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const c = await load(ctx, args.caseId, () => true, 'district administrators');
      const decided = { appealDecisionNote: check(rules.text(2000), args.note, 'note'), appealDecidedAt: new Date() };
      return transition(
        ctx,
        c,
        ['APPEALED'],
        args.upheld
          ? { ...decided, appealDecision: 'UPHELD', status: 'DISMISSED', resolvedAt: new Date() }
          : { ...decided, appealDecision: 'REJECTED', status: c.statusBeforeAppeal ?? 'AWAITING_PLAN', deadline: resumedDeadline(c) },
      );
    },
  }),
}));
