import { districtToday } from '@shequ/kit';
import type { DelegatedTask as TaskRow, DelegatedTaskStep as StepRow, OutboxEvent, Prisma } from '../generated/prisma/client.js';
import { builder, type Context } from '../builder.js';
import type { FundTransfer } from '../outbox/fund-transfer.js';
import { partStatus } from '../tasks/parts.js';
import { isOverdue, openStatuses } from '../tasks/overdue.js';

import { Community } from './community.js';
import { Department, departmentLoader } from './department.js';
import { DelegatedTaskAction, DelegatedTaskStatus, TaskPartEnum, TaskPartStatus, UnitType } from './enums.js';
import { Street, streetLoader } from './street.js';

export const taskLoader = (ctx: Context) =>
  ctx.loaders.byKey(
    'taskById',
    (t: TaskRow) => t.id,
    (ids: readonly string[]) => ctx.prisma.delegatedTask.findMany({ where: { id: { in: [...ids] } } }),
  );

export const tasksBy = (ctx: Context, column: 'communityId' | 'proposerId') =>
  ctx.loaders.groupedBy(
    `tasksBy.${column}`,
    (t: TaskRow) => t[column],
    (ids: readonly string[]) => ctx.prisma.delegatedTask.findMany({ where: { [column]: { in: [...ids] } }, orderBy: [{ proposedAt: 'desc' }, { id: 'desc' }] }),
  );

const stepsByTask = (ctx: Context) =>
  ctx.loaders.groupedBy(
    'stepsByTask',
    (s: StepRow) => s.taskId,
    (ids: readonly string[]) => ctx.prisma.delegatedTaskStep.findMany({ where: { taskId: { in: [...ids] } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }),
  );

const transferLoader = (ctx: Context) =>
  ctx.loaders.byKey(
    'transferById',
    (e: OutboxEvent) => e.id,
    (ids: readonly string[]) => ctx.prisma.outboxEvent.findMany({ where: { id: { in: [...ids] } } }),
  );

const TransferStatus = builder.enumType('TransferStatus', {
  values: ['PENDING', 'DELIVERED'] as const,
  description: "PENDING: written, being delivered to the community's ledger (retried until acknowledged); DELIVERED: recorded there",
});

export const BudgetTransfer = builder.prismaObject('OutboxEvent', {
  name: 'BudgetTransfer',
  description: "The agreed budget moving to the community's funds (费随事转), recorded once in its committees ledger",
  fields: (t) => ({
    eventId: t.exposeID('id', { description: 'The id the community ledger records the transfer under' }),
    amountFen: t.field({ type: 'Fen', resolve: (e) => (e.payload as unknown as FundTransfer).amountFen }),
    status: t.field({ type: TransferStatus, resolve: (e) => (e.deliveredAt ? 'DELIVERED' : 'PENDING') }),
    attempts: t.exposeInt('attempts', { description: 'Failed delivery attempts so far' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    deliveredAt: t.expose('deliveredAt', { type: 'DateTime', nullable: true }),
  }),
});

export const DelegatedTaskStep = builder.prismaObject('DelegatedTaskStep', {
  description: "One step of a delegated task's public history",
  fields: (t) => ({
    action: t.expose('action', { type: DelegatedTaskAction }),
    status: t.expose('status', { type: DelegatedTaskStatus, description: 'The state the step led to' }),
    budgetFen: t.expose('budgetFen', { type: 'Fen', nullable: true, description: 'The offer, counter-offer or agreed budget the step named' }),
    note: t.exposeString('note', { nullable: true }),
    actorRole: t.exposeString('actorRole'),
    actorUnitId: t.exposeID('actorUnitId', { nullable: true, description: 'The street, department or community acted for' }),
    part: t.expose('part', { type: TaskPartEnum, nullable: true, description: 'For START and COMPLETE: whose part of the work' }),
    at: t.expose('at', { type: 'DateTime' }),
  }),
});

interface Part {
  task: TaskRow;
  part: 'PROPOSER' | 'COMMUNITY';
}

const TaskPartProgress = builder.objectRef<Part>('DelegatedTaskPart').implement({
  description: "One side's part of joint delegated work, recorded by that side",
  fields: (t) => ({
    part: t.field({ type: TaskPartEnum, resolve: (p) => p.part }),
    status: t.field({ type: TaskPartStatus, resolve: (p) => partStatus(p.task, p.part) }),
    startedAt: t.field({ type: 'DateTime', nullable: true, resolve: (p) => (p.part === 'PROPOSER' ? p.task.proposerStartedAt : p.task.communityStartedAt) }),
    completedAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (p) => (p.part === 'PROPOSER' ? p.task.proposerCompletedAt : p.task.communityCompletedAt),
    }),
  }),
});

export const DelegatedTask = builder.prismaObject('DelegatedTask', {
  description: "Work a street or department needs a community's help with, negotiated first; the money follows it (权随责走，费随事转)",
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    description: t.exposeString('description'),
    status: t.expose('status', { type: DelegatedTaskStatus }),
    proposerType: t.expose('proposerType', { type: UnitType }),
    proposerId: t.exposeID('proposerId', { description: 'The proposing street or department' }),
    department: t.field({
      type: Department,
      nullable: true,
      resolve: (task, _a, ctx) => (task.proposerType === 'DEPARTMENT' ? departmentLoader(ctx).load(task.proposerId) : null),
    }),
    street: t.field({
      type: Street,
      nullable: true,
      resolve: (task, _a, ctx) => (task.proposerType === 'STREET' ? streetLoader(ctx).load(task.proposerId) : null),
    }),
    communityId: t.exposeID('communityId'),
    community: t.field({ type: Community, nullable: true, resolve: (task) => ({ id: task.communityId }) }),
    budgetFen: t.expose('budgetFen', { type: 'Fen', description: "The proposer's current offer" }),
    counterBudgetFen: t.expose('counterBudgetFen', { type: 'Fen', nullable: true, description: "The community's latest counter-proposal" }),
    agreedBudgetFen: t.expose('agreedBudgetFen', { type: 'Fen', nullable: true, description: 'Fixed on acceptance; transferred to the community' }),
    declineReason: t.exposeString('declineReason', { nullable: true }),
    dueDate: t.expose('dueDate', { type: 'Date', nullable: true }),
    proposedAt: t.expose('proposedAt', { type: 'DateTime' }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true, description: 'When the community accepted or declined' }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true, description: 'When the first part started' }),
    completedAt: t.expose('completedAt', { type: 'DateTime', nullable: true, description: 'When the second part completed' }),
    parts: t.field({
      type: [TaskPartProgress],
      description: "The proposer's and the community's parts of the work, each recorded by its side",
      resolve: (task) => [
        { task, part: 'PROPOSER' as const },
        { task, part: 'COMMUNITY' as const },
      ],
    }),
    overdue: t.boolean({
      description: "Past its due date (the district's calendar day, UTC+8) and not completed; a declined task is never overdue",
      resolve: (task) => isOverdue(task, districtToday()),
    }),
    settledAt: t.expose('settledAt', { type: 'DateTime', nullable: true }),
    transfer: t.field({
      type: BudgetTransfer,
      nullable: true,
      description: 'The budget transfer, from acceptance on',
      resolve: (task, _a, ctx) => (task.transferEventId ? transferLoader(ctx).load(task.transferEventId) : null),
    }),
    history: t.field({ type: [DelegatedTaskStep], resolve: (task, _a, ctx) => stepsByTask(ctx).load(task.id) }),
  }),
});

builder.asEntity(DelegatedTask, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => taskLoader(ctx).load(ref.id),
});

const DelegatedTaskFilter = builder.inputType('DelegatedTaskFilter', {
  fields: (t) => ({
    communityId: t.id(),
    proposerId: t.id({ description: 'A street or department' }),
    status: t.field({ type: [DelegatedTaskStatus], description: 'Any of these states' }),
    overdue: t.boolean({ description: 'true: only overdue tasks; false: only tasks that are not' }),
  }),
});

builder.queryFields((t) => ({
  delegatedTask: t.field({
    type: DelegatedTask,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => taskLoader(ctx).load(args.id),
  }),
  delegatedTasks: t.prismaConnection({
    type: 'DelegatedTask',
    cursor: 'id',
    defaultSize: 20,
    maxSize: 100,
    description: 'Delegated tasks, newest first; public, as the publicity system (公示制) asks',
    args: { filter: t.arg({ type: DelegatedTaskFilter }) },
    resolve: (query, _root, { filter }, ctx) => {
      const where: Prisma.DelegatedTaskWhereInput = {};
      if (filter?.communityId) where.communityId = filter.communityId;
      if (filter?.proposerId) where.proposerId = filter.proposerId;
      if (filter?.status?.length) where.status = { in: filter.status };
      if (filter?.overdue != null) {
        const overdue: Prisma.DelegatedTaskWhereInput = { dueDate: { lt: districtToday() }, status: { in: [...openStatuses] } };
        where.AND = filter.overdue ? [overdue] : [{ NOT: overdue }];
      }
      return ctx.prisma.delegatedTask.findMany({ ...query, where, orderBy: [{ proposedAt: 'desc' }, { id: 'desc' }] });
    },
  }),
}));

builder.objectField(Community, 'delegatedTasks', (t) =>
  t.field({
    type: [DelegatedTask],
    nullable: { list: true, items: false },
    description: 'Work delegated to this community by streets and departments, newest first',
    resolve: (c, _a, ctx) => tasksBy(ctx, 'communityId').load(c.id),
  }),
);
builder.prismaObjectField(Department, 'delegatedTasks', (t) =>
  t.field({
    type: [DelegatedTask],
    description: 'Work this department delegated, newest first',
    resolve: (d, _a, ctx) => tasksBy(ctx, 'proposerId').load(d.id),
  }),
);
builder.prismaObjectField(Street, 'delegatedTasks', (t) =>
  t.field({ type: [DelegatedTask], description: 'Work this street delegated, newest first', resolve: (s, _a, ctx) => tasksBy(ctx, 'proposerId').load(s.id) }),
);
