import { randomUUID } from 'node:crypto';
import { conflict, managesCommunity, notFound } from '@shequ/kit';
import { actorUnitId, actsForUnit, demand, requireSignedIn } from '../access.js';
import type { Context } from '../builder.js';
import type { DelegatedTask, Prisma, TaskPart } from '../generated/prisma/client.js';
import { callerPart, type PartStep } from './parts.js';
import { transitions, type StepAction } from './workflow.js';

export interface StepOptions {
  /** Column changes besides status and version, from the task as read. */
  data?: (task: DelegatedTask) => Prisma.DelegatedTaskUpdateManyMutationInput;
  /** Budget named by the step (offer, counter-offer, agreed amount), for the history. */
  budgetFen?: number | ((task: DelegatedTask) => number) | null;
  note?: string | null;
  /** Checks before anything is written (e.g. settlement needs the money to have arrived). */
  guard?: (task: DelegatedTask) => Promise<void>;
  /** More writes in the same transaction (the outbox event of an acceptance). */
  within?: (tx: Prisma.TransactionClient, task: DelegatedTask) => Promise<void>;
  /** For a step each side takes for its own part: the part named (if any) and what it changes. */
  part?: { named?: TaskPart | null; step: (task: DelegatedTask, part: TaskPart, at: Date) => PartStep };
}

function illegal(task: DelegatedTask, action: StepAction) {
  const rule = transitions[action];
  return conflict(`Delegated task ${task.id} is ${task.status}; only ${rule.from.join(' or ')} tasks can be ${rule.verb}`, {
    status: task.status,
    action,
    allowedFrom: rule.from,
  });
}

/**
 * Takes one workflow step: who may, from which state, and atomically. The update is conditional
 * on the version read, so of two concurrent steps on one task exactly one applies (and only one
 * acceptance can ever write a transfer to the outbox); the loser gets CONFLICT.
 */
export async function takeStep(ctx: Context, taskId: string, action: StepAction, options: StepOptions = {}): Promise<DelegatedTask> {
  const rule = transitions[action];
  requireSignedIn(ctx.caller);
  const task = await ctx.prisma.delegatedTask.findUnique({ where: { id: taskId } });
  if (!task) throw notFound('Delegated task', taskId);
  let part: TaskPart | null = null;
  if (rule.by === 'each') {
    if (!options.part) throw new Error(`${action} is taken per part`);
    part = callerPart(ctx, task, options.part.named, rule.verb);
  } else {
    const allowed =
      rule.by === 'proposer'
        ? actsForUnit(ctx.caller, { unitType: task.proposerType, unitId: task.proposerId })
        : managesCommunity(ctx.caller, task.communityId);
    demand(
      ctx.caller,
      allowed,
      rule.by === 'proposer'
        ? `Only staff of ${task.proposerId}, which proposed the task, may have it ${rule.verb}`
        : `Only the committee staff of ${task.communityId}, the community asked, may have the task ${rule.verb}`,
    );
  }
  if (!rule.from.includes(task.status)) throw illegal(task, action);
  const partStep = part ? options.part!.step(task, part, new Date()) : null;
  const to = partStep?.to ?? rule.to;
  await options.guard?.(task);

  return ctx.prisma.$transaction(async (tx) => {
    const { count } = await tx.delegatedTask.updateMany({
      where: { id: task.id, version: task.version, status: { in: rule.from } },
      data: { ...options.data?.(task), ...partStep?.data, status: to, version: { increment: 1 } },
    });
    if (count === 0) {
      const current = await tx.delegatedTask.findUniqueOrThrow({ where: { id: task.id } });
      if (!rule.from.includes(current.status)) throw illegal(current, action);
      throw conflict(`Delegated task ${task.id} changed while this step was being taken; reload it and try again`, { status: current.status, action });
    }
    await options.within?.(tx, task);
    await tx.delegatedTaskStep.create({
      data: {
        id: randomUUID(),
        taskId: task.id,
        action,
        status: to,
        part,
        budgetFen: typeof options.budgetFen === 'function' ? options.budgetFen(task) : (options.budgetFen ?? null),
        note: options.note ?? null,
        actorRole: ctx.caller.role,
        actorUnitId: actorUnitId(ctx.caller),
      },
    });
    return tx.delegatedTask.findUniqueOrThrow({ where: { id: task.id } });
  });
}
