import { query, type GraphQLResult } from '../api/http.ts';
import { DelegatedTasks, TaskLedger } from '../api/operations.ts';
import type { DelegatedTask, DelegatedTasksPage, TaskLedgerEntry, TaskLedgerPage } from '../api/types.ts';
import { communitiesOwed } from './funds.ts';

export interface TaskFunds {
  tasks: DelegatedTask[];
  /** TASK_FUNDING entries of each community owed money whose ledger answered. */
  ledgers: Map<string, TaskLedgerEntry[]>;
  /** The first refusal or failure reading a ledger, if any did. */
  ledgerError: { message: string; code: string | undefined } | null;
}

/** Every page, 100 tasks at a time; a refusal or failure throws (the view shows it). */
async function allTasks(token: string | null, signal: AbortSignal): Promise<DelegatedTask[]> {
  const out: DelegatedTask[] = [];
  let after: string | null = null;
  do {
    const r: GraphQLResult<DelegatedTasksPage> = await query<DelegatedTasksPage>(DelegatedTasks, { after }, token, signal);
    const conn: DelegatedTasksPage['delegatedTasks'] = r.data!.delegatedTasks;
    out.push(...conn.edges.map((e) => e.node));
    after = conn.pageInfo.hasNextPage ? conn.pageInfo.endCursor : null;
  } while (after);
  return out;
}

async function ledger(communityId: string, token: string | null, signal: AbortSignal): Promise<TaskLedgerEntry[]> {
  const out: TaskLedgerEntry[] = [];
  let after: string | null = null;
  do {
    const r: GraphQLResult<TaskLedgerPage> = await query<TaskLedgerPage>(TaskLedger, { communityId, after }, token, signal);
    const conn: TaskLedgerPage['ledgerEntries'] = r.data!.ledgerEntries;
    out.push(...conn.edges.map((e) => e.node));
    after = conn.pageInfo.hasNextPage ? conn.pageInfo.endCursor : null;
  } while (after);
  return out;
}

/** The tasks, then the ledger of every community owed money, four at a time. */
export async function loadTaskFunds(token: string | null, signal: AbortSignal): Promise<TaskFunds> {
  const tasks = await allTasks(token, signal);
  const ledgers = new Map<string, TaskLedgerEntry[]>();
  let ledgerError: TaskFunds['ledgerError'] = null;
  const queue = communitiesOwed(tasks);
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      try {
        ledgers.set(id, await ledger(id, token, signal));
      } catch (e) {
        if (signal.aborted) throw e;
        const err = e as { message?: string; code?: string };
        ledgerError ??= { message: err.message ?? String(e), code: err.code };
      }
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return { tasks, ledgers, ledgerError };
}
