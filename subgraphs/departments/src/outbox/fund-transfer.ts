// Money following a task (费随事转): on acceptance the agreed budget becomes income of the
// community's funds, which `committees` keeps. The transfer is an outbox event whose id the
// committees ledger dedupes by, so it is recorded exactly once however often it is delivered.
import type { ServiceClient } from '@shequ/kit';

export const fundTransferKind = 'fund-transfer';

/** The payload of a fund-transfer event: the arguments of committees' recordFundTransfer. */
export interface FundTransfer {
  eventId: string;
  communityId: string;
  amountFen: number;
  source: string;
  purpose: string;
  reference: string;
}

/** One transfer per task: a second acceptance could not add a second event even if it got this far. */
export const transferEventId = (taskId: string) => `transfer-${taskId}`;

export function fundTransferFor(task: { id: string; title: string; communityId: string }, amountFen: number, proposerName: string): FundTransfer {
  return {
    eventId: transferEventId(task.id),
    communityId: task.communityId,
    amountFen,
    source: proposerName,
    purpose: `委托任务经费（费随事转）：${task.title}`,
    reference: `delegated-task:${task.id}`,
  };
}

// Scalar variables rather than the input type's name, so the contract is the field and its arguments.
const recordFundTransfer = `mutation DepartmentsFundTransfer($eventId: ID!, $communityId: ID!, $amountFen: Fen!, $source: String!, $purpose: String!, $reference: String) {
  recordFundTransfer(input: { eventId: $eventId, communityId: $communityId, amountFen: $amountFen, source: $source, purpose: $purpose, reference: $reference }) { __typename }
}`;

/** Resolves once committees has recorded (or had already recorded) the transfer. */
export async function deliverFundTransfer(services: ServiceClient, transfer: FundTransfer): Promise<void> {
  await services.request(recordFundTransfer, { ...transfer });
}
