// Delegated work done jointly (上下联动): the proposing street or department and the community each
// record their own part started and completed. Who records which part follows from the caller's
// verified claims; the district administrator names the part.
import { badInput, conflict, forbidden, managesCommunity } from '@shequ/kit';
import { actsForUnit } from '../access.js';
import type { Context } from '../builder.js';
import type { DelegatedTask, DelegatedTaskStatus, Prisma, TaskPart } from '../generated/prisma/client.js';

const columns = {
  PROPOSER: { started: 'proposerStartedAt', completed: 'proposerCompletedAt' },
  COMMUNITY: { started: 'communityStartedAt', completed: 'communityCompletedAt' },
} as const;

const other = (part: TaskPart): TaskPart => (part === 'PROPOSER' ? 'COMMUNITY' : 'PROPOSER');

export type PartStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED';

export function partStatus(task: DelegatedTask, part: TaskPart): PartStatus {
  if (task[columns[part].completed]) return 'COMPLETED';
  return task[columns[part].started] ? 'IN_PROGRESS' : 'NOT_STARTED';
}

/** The part the caller records: its own side's; FORBIDDEN for a caller of neither side or naming the other. */
export function callerPart(ctx: Context, task: DelegatedTask, named: TaskPart | null | undefined, verb: string): TaskPart {
  if (ctx.caller.role === 'DISTRICT_ADMIN') {
    if (!named) throw badInput('Name the part (PROPOSER or COMMUNITY) the district records', { field: 'part' });
    return named;
  }
  const own: TaskPart | null = actsForUnit(ctx.caller, { unitType: task.proposerType, unitId: task.proposerId })
    ? 'PROPOSER'
    : managesCommunity(ctx.caller, task.communityId)
      ? 'COMMUNITY'
      : null;
  if (!own)
    throw forbidden(`Only staff of ${task.proposerId}, which proposed the task, or the committee staff of ${task.communityId} may have their part ${verb}`);
  if (named && named !== own) throw forbidden(`You record the ${own.toLowerCase()}'s part of ${task.id}, not the ${named.toLowerCase()}'s`);
  return own;
}

export interface PartStep {
  data: Prisma.DelegatedTaskUpdateManyMutationInput;
  to: DelegatedTaskStatus;
}

/** A part starting: CONFLICT when it has already started. */
export function startPart(task: DelegatedTask, part: TaskPart, at: Date): PartStep {
  if (partStatus(task, part) !== 'NOT_STARTED')
    throw conflict(`The ${part.toLowerCase()}'s part of ${task.id} has already started`, { status: task.status, action: 'START', part });
  return { data: { [columns[part].started]: at, startedAt: task.startedAt ?? at }, to: 'IN_PROGRESS' };
}

/** A part completing: CONFLICT unless it is in progress; the task is COMPLETED with the second part. */
export function completePart(task: DelegatedTask, part: TaskPart, at: Date): PartStep {
  const status = partStatus(task, part);
  if (status !== 'IN_PROGRESS') {
    throw conflict(`The ${part.toLowerCase()}'s part of ${task.id} is ${status === 'COMPLETED' ? 'already completed' : 'not started yet'}`, {
      status: task.status,
      action: 'COMPLETE',
      part,
    });
  }
  const both = partStatus(task, other(part)) === 'COMPLETED';
  return { data: { [columns[part].completed]: at, ...(both ? { completedAt: at } : {}) }, to: both ? 'COMPLETED' : 'IN_PROGRESS' };
}
