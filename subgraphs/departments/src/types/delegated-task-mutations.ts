import { randomUUID } from 'node:crypto';
import { badInput, check, conflict, rules } from '@shequ/kit';
import { actorUnitId } from '../access.js';
import { builder } from '../builder.js';
import { lookUpCommunity } from '../communities.js';
import { fundTransferFor, fundTransferKind, transferEventId } from '../outbox/fund-transfer.js';
import { wakeOutbox } from '../outbox/worker.js';
import { completePart, startPart } from '../tasks/parts.js';
import { actingUnit, findUnit } from '../tasks/proposer.js';
import { takeStep } from '../tasks/transition.js';
import { budget } from '../tasks/validate.js';
import { administrativeRule } from '../tasks/workflow.js';
import { DelegatedTask } from './delegated-task.js';
import { TaskPartEnum } from './enums.js';

const proposerRoles = ['DISTRICT_ADMIN', 'DEPARTMENT_STAFF', 'STREET_STAFF'] as const;
const communityRoles = ['DISTRICT_ADMIN', 'COMMITTEE_STAFF'] as const;
const partRoles = ['DISTRICT_ADMIN', 'DEPARTMENT_STAFF', 'STREET_STAFF', 'COMMITTEE_STAFF'] as const;

const ProposeDelegatedTaskInput = builder.inputType('ProposeDelegatedTaskInput', {
  fields: (t) => ({
    title: t.string({ required: true }),
    description: t.string({ required: true, description: 'What the community is asked to do, and why it needs the community' }),
    communityId: t.id({ required: true }),
    budgetFen: t.field({ type: 'Fen', required: true, description: 'The offered budget, in fen' }),
    dueDate: t.field({ type: 'Date' }),
    administrative: t.boolean({ defaultValue: false, description: "Administrative work is the department's own and is rejected" }),
    proposerId: t.id({ description: 'The street or department proposing; staff propose for their own (district administrators must name it)' }),
  }),
});

builder.mutationFields((t) => ({
  proposeDelegatedTask: t.field({
    type: DelegatedTask,
    description: 'A street or department asks a community for help with work that needs it, offering a budget',
    authScopes: { role: [...proposerRoles] },
    args: { input: t.arg({ type: ProposeDelegatedTaskInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      if (input.administrative) throw badInput(administrativeRule, { field: 'administrative' });
      const title = check(rules.text(100, 2), input.title, 'title');
      const description = check(rules.text(2000, 2), input.description, 'description');
      const budgetFen = budget(input.budgetFen);
      const dueDate = input.dueDate ? check(rules.futureDay, input.dueDate, 'dueDate') : null;
      const unit = await actingUnit(ctx, input.proposerId);
      const community = await lookUpCommunity(ctx, input.communityId);
      if (unit.unitType === 'STREET' && community.streetId !== unit.unitId) {
        throw badInput(`A street delegates work only to its own communities: ${community.id} is not in ${unit.unitId}`, { field: 'communityId' });
      }
      const id = `task-${randomUUID()}`;
      const [task] = await ctx.prisma.$transaction([
        ctx.prisma.delegatedTask.create({
          data: { id, title, description, proposerType: unit.unitType, proposerId: unit.unitId, communityId: community.id, budgetFen, dueDate },
        }),
        ctx.prisma.delegatedTaskStep.create({
          data: {
            id: randomUUID(),
            taskId: id,
            action: 'PROPOSE',
            status: 'PROPOSED',
            budgetFen,
            actorRole: ctx.caller.role,
            actorUnitId: actorUnitId(ctx.caller),
          },
        }),
      ]);
      return task;
    },
  }),

  counterProposeDelegatedTask: t.field({
    type: DelegatedTask,
    description: 'The community answers with the budget it needs (NEGOTIATING)',
    authScopes: { role: [...communityRoles] },
    args: { id: t.arg.id({ required: true }), budgetFen: t.arg({ type: 'Fen', required: true }), note: t.arg.string() },
    resolve: (_root, args, ctx) => {
      const fen = budget(args.budgetFen);
      return takeStep(ctx, args.id, 'COUNTER_PROPOSE', {
        data: () => ({ counterBudgetFen: fen }),
        budgetFen: fen,
        note: check(rules.optionalText(500), args.note, 'note'),
      });
    },
  }),

  reviseDelegatedTaskOffer: t.field({
    type: DelegatedTask,
    description: 'The proposer answers a counter-proposal with a new offer (e.g. meeting it); the community then accepts or not',
    authScopes: { role: [...proposerRoles] },
    args: { id: t.arg.id({ required: true }), budgetFen: t.arg({ type: 'Fen', required: true }), note: t.arg.string() },
    resolve: (_root, args, ctx) => {
      const fen = budget(args.budgetFen);
      return takeStep(ctx, args.id, 'REVISE_OFFER', {
        data: () => ({ budgetFen: fen }),
        budgetFen: fen,
        note: check(rules.optionalText(500), args.note, 'note'),
      });
    },
  }),

  acceptDelegatedTask: t.field({
    type: DelegatedTask,
    description: 'The community accepts the current offer; the budget is transferred to its funds (delivered through an outbox, recorded once)',
    authScopes: { role: [...communityRoles] },
    args: { id: t.arg.id({ required: true }), note: t.arg.string() },
    resolve: async (_root, args, ctx) => {
      const task = await takeStep(ctx, args.id, 'ACCEPT', {
        data: (current) => ({ agreedBudgetFen: current.budgetFen, decidedAt: new Date(), transferEventId: transferEventId(current.id) }),
        budgetFen: (current) => current.budgetFen,
        note: check(rules.optionalText(500), args.note, 'note'),
        within: async (tx, current) => {
          const proposer = await findUnit(tx, current.proposerId);
          const transfer = fundTransferFor(current, current.budgetFen, proposer.name);
          await tx.outboxEvent.create({ data: { id: transfer.eventId, kind: fundTransferKind, payload: { ...transfer } } });
        },
      });
      wakeOutbox(ctx.prisma);
      return task;
    },
  }),

  declineDelegatedTask: t.field({
    type: DelegatedTask,
    description: 'The community declines, saying why',
    authScopes: { role: [...communityRoles] },
    args: { id: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => {
      const reason = check(rules.text(500, 2), args.reason, 'reason');
      return takeStep(ctx, args.id, 'DECLINE', { data: () => ({ declineReason: reason, decidedAt: new Date() }), note: reason });
    },
  }),

  startDelegatedTask: t.field({
    type: DelegatedTask,
    description:
      "Records the caller's part of the work started: the proposer's staff their part, the community's committee staff theirs (the district names the part). " +
      'Only an accepted task starts; the task is IN_PROGRESS from the first part started; a part starts once (CONFLICT)',
    authScopes: { role: [...partRoles] },
    args: {
      id: t.arg.id({ required: true }),
      note: t.arg.string(),
      part: t.arg({ type: TaskPartEnum, description: 'Whose part; only the district needs to name it' }),
    },
    resolve: (_root, args, ctx) =>
      takeStep(ctx, args.id, 'START', { part: { named: args.part, step: startPart }, note: check(rules.optionalText(500), args.note, 'note') }),
  }),

  completeDelegatedTask: t.field({
    type: DelegatedTask,
    description: "Records the caller's part of the work completed (it must have started, else CONFLICT); the task is COMPLETED once both parts are",
    authScopes: { role: [...partRoles] },
    args: {
      id: t.arg.id({ required: true }),
      note: t.arg.string(),
      part: t.arg({ type: TaskPartEnum, description: 'Whose part; only the district needs to name it' }),
    },
    resolve: (_root, args, ctx) =>
      takeStep(ctx, args.id, 'COMPLETE', { part: { named: args.part, step: completePart }, note: check(rules.optionalText(500), args.note, 'note') }),
  }),

  settleDelegatedTask: t.field({
    type: DelegatedTask,
    description: "The proposer closes the account of a completed task, once the budget has reached the community's ledger",
    authScopes: { role: [...proposerRoles] },
    args: { id: t.arg.id({ required: true }), note: t.arg.string() },
    resolve: (_root, args, ctx) =>
      takeStep(ctx, args.id, 'SETTLE', {
        data: () => ({ settledAt: new Date() }),
        note: check(rules.optionalText(500), args.note, 'note'),
        guard: async (task) => {
          const transfer = task.transferEventId ? await ctx.prisma.outboxEvent.findUnique({ where: { id: task.transferEventId } }) : null;
          if (!transfer?.deliveredAt) {
            throw conflict(`The budget of ${task.id} has not reached the community's ledger yet; settle once it has`, {
              status: task.status,
              transfer: 'PENDING',
            });
          }
        },
      }),
  }),
}));
