import type { DelegatedTask, NamedRef, TaskLedgerEntry, UnitType } from '../api/types.ts';
import type { Lang } from '../i18n.ts';

/** What the departments subgraph writes as the ledger reference of a task's funding. */
export const taskReference = (taskId: string) => `delegated-task:${taskId}`;

export interface TaskRow {
  id: string;
  title: string;
  status: DelegatedTask['status'];
  proposerType: UnitType;
  proposerId: string;
  proposer: NamedRef;
  communityId: string;
  community: NamedRef;
  /** Fixed on acceptance; null while negotiating or once declined: nothing is owed then. */
  agreedFen: number | null;
  /** What the community's ledger holds for the task, net of reversals; null when its ledger could not be read. */
  deliveredFen: number | null;
  /** The departments subgraph's own view of the transfer. */
  transferStatus: 'PENDING' | 'DELIVERED' | null;
  /** Nothing owed, or the ledger holds at least the agreed budget. */
  funded: boolean;
  /** Owed but the ledger holds less (or could not be read). */
  shortFen: number | null;
}

/**
 * The net amount each task's funding left in the ledger, by task id: TASK_FUNDING entries whose
 * reference names the task, less any REVERSAL that corrects one.
 */
export function deliveredByTask(entries: readonly TaskLedgerEntry[]): Map<string, number> {
  const out = new Map<string, number>();
  const prefix = taskReference('');
  for (const e of entries) {
    if (!e.reference?.startsWith(prefix)) continue;
    const id = e.reference.slice(prefix.length);
    out.set(id, (out.get(id) ?? 0) + e.amountFen + (e.reversedBy?.amountFen ?? 0));
  }
  return out;
}

/**
 * One row per task. `ledgers` maps a community id to its TASK_FUNDING entries; a community
 * missing from it could not be read, so its tasks' delivered amount is unknown.
 */
export function taskRows(tasks: readonly DelegatedTask[], ledgers: ReadonlyMap<string, readonly TaskLedgerEntry[]>): TaskRow[] {
  const delivered = new Map<string, Map<string, number>>();
  for (const [communityId, entries] of ledgers) delivered.set(communityId, deliveredByTask(entries));
  return tasks.map((t) => {
    const byTask = delivered.get(t.communityId);
    const deliveredFen = byTask ? (byTask.get(t.id) ?? 0) : null;
    const agreedFen = t.agreedBudgetFen;
    const owed = agreedFen ?? 0;
    const funded = owed <= 0 || (deliveredFen != null && deliveredFen >= owed);
    return {
      id: t.id,
      title: t.title,
      status: t.status,
      proposerType: t.proposerType,
      proposerId: t.proposerId,
      proposer: t.department ?? t.street ?? { id: t.proposerId, name: t.proposerId, nameEn: t.proposerId },
      communityId: t.communityId,
      community: t.community ?? { id: t.communityId, name: t.communityId, nameEn: t.communityId },
      agreedFen,
      deliveredFen,
      transferStatus: t.transfer?.status ?? null,
      funded,
      shortFen: funded ? 0 : deliveredFen == null ? null : owed - deliveredFen,
    };
  });
}

export interface UnitTotals {
  key: string;
  proposerType: UnitType;
  proposerId: string;
  proposer: NamedRef;
  tasks: number;
  /** Tasks with an agreed budget. */
  agreed: number;
  promisedFen: number;
  /** Counted up to each task's agreed budget, so an overpayment does not hide another task's shortfall. */
  deliveredFen: number;
  /** Agreed tasks whose money has not (fully) arrived. */
  unfunded: number;
}

/** Totals per proposing unit (department or street). */
export function unitTotals(rows: readonly TaskRow[]): UnitTotals[] {
  const out = new Map<string, UnitTotals>();
  for (const r of rows) {
    const key = `${r.proposerType}:${r.proposerId}`;
    let u = out.get(key);
    if (!u) {
      u = {
        key,
        proposerType: r.proposerType,
        proposerId: r.proposerId,
        proposer: r.proposer,
        tasks: 0,
        agreed: 0,
        promisedFen: 0,
        deliveredFen: 0,
        unfunded: 0,
      };
      out.set(key, u);
    }
    u.tasks += 1;
    if (r.agreedFen != null) {
      u.agreed += 1;
      u.promisedFen += r.agreedFen;
      u.deliveredFen += Math.min(Math.max(r.deliveredFen ?? 0, 0), r.agreedFen);
    }
    if (!r.funded) u.unfunded += 1;
  }
  return [...out.values()];
}

export type UnitSortKey = 'name' | 'tasks' | 'promisedFen' | 'deliveredFen' | 'unfunded';

/** Numbers largest first, names in the language's order; `dir` flips either. Ties by key, stably. */
export function sortUnits(units: readonly UnitTotals[], key: UnitSortKey, dir: 'asc' | 'desc', lang: Lang): UnitTotals[] {
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en');
  const label = (u: UnitTotals) => (lang === 'en' && u.proposer.nameEn ? u.proposer.nameEn : u.proposer.name);
  const sign = dir === 'asc' ? 1 : -1;
  return [...units].sort((a, b) => {
    const c = key === 'name' ? collator.compare(label(a), label(b)) : a[key] - b[key];
    return sign * c || a.key.localeCompare(b.key);
  });
}

/** Unfunded tasks first, then by proposer and id, so the ones to chase lead. */
export function sortTasks(rows: readonly TaskRow[]): TaskRow[] {
  return [...rows].sort((a, b) => Number(a.funded) - Number(b.funded) || a.proposerId.localeCompare(b.proposerId) || a.id.localeCompare(b.id));
}

/** Communities whose ledger needs reading: those owed money. */
export function communitiesOwed(tasks: readonly DelegatedTask[]): string[] {
  return [...new Set(tasks.filter((t) => (t.agreedBudgetFen ?? 0) > 0).map((t) => t.communityId))].sort();
}
