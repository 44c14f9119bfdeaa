// Writing to a community's funds ledger (谁办事、谁用钱). Entries are only ever appended (the
// database refuses UPDATE and DELETE); the balance is the sum of the entries, kept per category
// by the database with every entry (the `aggregates` migration).
import { randomUUID } from 'node:crypto';
import { badInput, conflict } from '@shequ/kit';
import type { LedgerCategory, LedgerEntry } from '../generated/prisma/client.js';
import type { Tx } from '../transactions.js';

export const incomeCategories: readonly LedgerCategory[] = ['SPECIAL_FUND', 'TRANSFERRED_ASSET', 'DONATION', 'ASSET_INCOME', 'TASK_FUNDING'];

/** Largest single amount: 10 million yuan, far above any community transaction, well inside Int. */
export const maxAmountFen = 1_000_000_000;

export function requireAmount(amountFen: number): void {
  if (!Number.isInteger(amountFen) || amountFen <= 0 || amountFen > maxAmountFen) {
    throw badInput(`amountFen must be a positive whole number of fen up to ${maxAmountFen}`, { field: 'amountFen' });
  }
}

/**
 * The sum of the community's category totals: a few indexed rows instead of all its entries.
 * The totals change in the transaction of each entry, so under the community's row lock they
 * are exactly the entries' sum.
 */
export async function balanceFen(db: Pick<Tx, 'ledgerCategoryTotal'>, communityId: string): Promise<number> {
  const { _sum } = await db.ledgerCategoryTotal.aggregate({ where: { communityId }, _sum: { amountFen: true } });
  return Number(_sum.amountFen ?? 0n);
}

export interface NewEntry {
  communityId: string;
  category: LedgerCategory;
  /** Signed: income positive, spending negative. */
  amountFen: number;
  source: string;
  purpose: string;
  occurredOn: Date;
  reference?: string | null;
  eventId?: string | null;
  reversesId?: string | null;
  recordedBy: string | null;
}

/**
 * Appends one entry. Must run under the community's row lock (lockedWrite), so that the
 * overdraft check of a spending sees every entry committed before it.
 */
export async function appendEntry(tx: Tx, entry: NewEntry): Promise<LedgerEntry> {
  if (entry.category === 'SPENDING') {
    const balance = await balanceFen(tx, entry.communityId);
    if (balance + entry.amountFen < 0)
      throw conflict(`Insufficient funds: the balance is ${balance} fen, the spending ${-entry.amountFen} fen`, { balanceFen: balance });
  }
  return tx.ledgerEntry.create({ data: { id: `ledger-${randomUUID()}`, ...entry } });
}
