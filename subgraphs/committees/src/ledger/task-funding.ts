// TASK_FUNDING is income a community did not ask for: only a task the community accepted in
// `departments` brings it, and only its agreed budget. Departments owns the tasks, so before a
// transfer is booked this subgraph ASKS DEPARTMENTS THROUGH THE GATEWAY (as itself) whether the
// task exists, was accepted by this community, for this amount, under this transfer id. No copy is
// kept: a transfer arrives once per task, and when departments cannot answer nothing is booked
// (the outbox delivering it retries).
import { badInput, dateOfDay, districtDayOf, districtToday, forbidden, type SubgraphContext } from '@shequ/kit';

const taskQuery =
  'query CommitteesTaskFunding($id: ID!) { delegatedTask(id: $id) { id status communityId agreedBudgetFen decidedAt transfer { eventId amountFen } } }';

interface TaskFacts {
  id: string;
  status: string;
  communityId: string;
  agreedBudgetFen: number | null;
  decidedAt: string | null;
  transfer: { eventId: string; amountFen: number } | null;
}

const accepted = new Set(['ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'SETTLED']);
const referencePrefix = 'delegated-task:';

export interface Transfer {
  eventId: string;
  communityId: string;
  amountFen: number;
  reference: string | null | undefined;
}

/** The task a transfer's reference names (`delegated-task:<id>`, as departments writes it). */
export function fundedTask(reference: string | null | undefined): string {
  const id = reference?.startsWith(referencePrefix) ? reference.slice(referencePrefix.length).trim() : '';
  if (!id || id.length > 100)
    throw badInput(`A fund transfer names the delegated task it funds: reference "${referencePrefix}<task id>"`, { field: 'reference' });
  return id;
}

/**
 * FORBIDDEN unless departments' records show exactly this transfer for an accepted task; returns
 * the district day the task was accepted on, the day the money is the community's.
 */
export async function requireAcceptedTask(ctx: Pick<SubgraphContext, 'services'>, transfer: Transfer): Promise<Date> {
  const taskId = fundedTask(transfer.reference);
  const { delegatedTask: task } = await ctx.services.ask<{ delegatedTask: TaskFacts | null }>({
    owner: 'departments',
    purpose: 'check the delegated task',
    query: taskQuery,
    variables: { id: taskId },
  });
  if (!task) throw forbidden(`No delegated task ${taskId} exists in departments: nothing to fund`);
  if (!accepted.has(task.status)) throw forbidden(`Delegated task ${taskId} is ${task.status}: only an accepted task is funded`);
  if (task.communityId !== transfer.communityId) throw forbidden(`Delegated task ${taskId} was accepted by another community, not ${transfer.communityId}`);
  if (task.agreedBudgetFen !== transfer.amountFen || task.transfer?.amountFen !== transfer.amountFen) {
    throw forbidden(`Delegated task ${taskId} was agreed at ${task.agreedBudgetFen ?? 'no'} fen, not ${transfer.amountFen}`);
  }
  if (task.transfer?.eventId !== transfer.eventId)
    throw forbidden(`Delegated task ${taskId} is funded by transfer ${task.transfer?.eventId ?? '(none)'}, not ${transfer.eventId}`);
  return task.decidedAt ? dateOfDay(districtDayOf(new Date(task.decidedAt))) : districtToday();
}
