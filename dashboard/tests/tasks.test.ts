import { describe, expect, it } from 'vitest';
import type { DelegatedTask, TaskLedgerEntry } from '../src/api/types.ts';
import { communitiesOwed, deliveredByTask, sortTasks, sortUnits, taskRows, unitTotals } from '../src/tasks/funds.ts';

const task = (id: string, proposerId: string, communityId: string, agreedBudgetFen: number | null, extra: Partial<DelegatedTask> = {}): DelegatedTask => ({
  id,
  title: `任务${id}`,
  status: agreedBudgetFen == null ? 'NEGOTIATING' : 'ACCEPTED',
  proposerType: proposerId.startsWith('street-') ? 'STREET' : 'DEPARTMENT',
  proposerId,
  department: proposerId.startsWith('dept-') ? { id: proposerId, name: `${proposerId}局`, nameEn: proposerId } : null,
  street: proposerId.startsWith('street-') ? { id: proposerId, name: `${proposerId}街道`, nameEn: proposerId } : null,
  communityId,
  community: { id: communityId, name: `${communityId}社区`, nameEn: communityId },
  budgetFen: agreedBudgetFen ?? 1000,
  agreedBudgetFen,
  transfer: null,
  ...extra,
});
const entry = (id: string, taskId: string | null, amountFen: number, reversal?: number): TaskLedgerEntry => ({
  id,
  amountFen,
  reference: taskId ? `delegated-task:${taskId}` : null,
  reversedBy: reversal == null ? null : { id: `${id}-rev`, amountFen: reversal },
});

describe('money following delegated tasks', () => {
  it('sums each task’s ledger entries by reference, net of reversals', () => {
    const m = deliveredByTask([
      entry('l1', 'a', 500),
      entry('l2', 'a', 300),
      entry('l3', 'b', 900, -900),
      entry('l4', null, 100),
      { ...entry('l5', 'x', 7), reference: 'other:x' },
    ]);
    expect([...m.entries()]).toEqual([
      ['a', 800],
      ['b', 0],
    ]);
  });

  it('flags agreed tasks whose money has not fully arrived, not those with nothing owed', () => {
    const tasks = [
      task('a', 'dept-1', 'c1', 1000),
      task('b', 'dept-1', 'c1', 1000),
      task('c', 'dept-2', 'c2', 500),
      task('d', 'street-1', 'c3', null),
      task('e', 'dept-2', 'c4', 200),
    ];
    const ledgers = new Map([
      ['c1', [entry('l1', 'a', 1000), entry('l2', 'b', 400)]],
      ['c2', [entry('l3', 'c', 500, -500)]],
    ]);
    const rows = taskRows(tasks, ledgers);
    expect(rows.map((r) => [r.id, r.funded, r.deliveredFen, r.shortFen])).toEqual([
      ['a', true, 1000, 0],
      ['b', false, 400, 600],
      ['c', false, 0, 500],
      ['d', true, null, 0],
      ['e', false, null, null], // c4's ledger did not answer: unknown, so not counted as funded
    ]);
    expect(sortTasks(rows).map((r) => r.id)).toEqual(['b', 'c', 'e', 'a', 'd']);
  });

  it('totals per delegating unit, capping delivery at each task’s agreed budget', () => {
    const tasks = [task('a', 'dept-1', 'c1', 1000), task('b', 'dept-1', 'c1', 1000), task('c', 'dept-2', 'c2', 500), task('d', 'street-1', 'c3', null)];
    const ledgers = new Map([
      ['c1', [entry('l1', 'a', 1500), entry('l2', 'b', 400)]],
      ['c2', [entry('l3', 'c', 500)]],
    ]);
    const units = unitTotals(taskRows(tasks, ledgers));
    expect(units.map((u) => [u.key, u.tasks, u.agreed, u.promisedFen, u.deliveredFen, u.unfunded])).toEqual([
      ['DEPARTMENT:dept-1', 2, 2, 2000, 1400, 1],
      ['DEPARTMENT:dept-2', 1, 1, 500, 500, 0],
      ['STREET:street-1', 1, 0, 0, 0, 0],
    ]);
    expect(sortUnits(units, 'promisedFen', 'desc', 'zh').map((u) => u.proposerId)).toEqual(['dept-1', 'dept-2', 'street-1']);
    expect(sortUnits(units, 'promisedFen', 'asc', 'zh').map((u) => u.proposerId)).toEqual(['street-1', 'dept-2', 'dept-1']);
    expect(sortUnits(units, 'unfunded', 'desc', 'en').map((u) => u.proposerId)).toEqual(['dept-1', 'dept-2', 'street-1']);
    expect(sortUnits(units, 'name', 'asc', 'en').map((u) => u.proposerId)).toEqual(['dept-1', 'dept-2', 'street-1']);
  });

  it('reads only the ledgers of communities owed money, each once', () => {
    expect(
      communitiesOwed([
        task('a', 'dept-1', 'c2', 10),
        task('b', 'dept-1', 'c2', 10),
        task('c', 'dept-1', 'c1', 5),
        task('d', 'dept-1', 'c3', null),
        task('e', 'dept-1', 'c4', 0),
      ]),
    ).toEqual(['c1', 'c2']);
  });
});
