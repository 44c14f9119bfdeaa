import { notFound, type Caller } from '@shequ/kit';
import type { Prisma } from './generated/prisma/client.js';
import { requireManager } from './access.js';
import type { Context } from './builder.js';

export type Tx = Prisma.TransactionClient;

// Writers of one round or one ledger queue behind a row lock; give them room on a busy pool.
const options = { maxWait: 10_000, timeout: 20_000 };

/**
 * Runs `work` in a transaction holding a row lock on `table`'s row `id`, so that writes to the
 * same election round or community ledger happen one after another and each one validates
 * against what the previous one committed. By default the caller must manage the row's community.
 */
export function lockedWrite<T>(
  ctx: Context,
  table: 'ElectionRound' | 'Community',
  id: string,
  work: (tx: Tx, communityId: string) => Promise<T>,
  authorize: (caller: Caller, communityId: string) => void = requireManager,
): Promise<T> {
  return ctx.prisma.$transaction(async (tx) => {
    const column = table === 'Community' ? 'id' : '"communityId"';
    const rows = await tx.$queryRawUnsafe<{ communityId: string }[]>(`SELECT ${column} AS "communityId" FROM "${table}" WHERE id = $1 FOR UPDATE`, id);
    const row = rows[0];
    if (!row) throw notFound(table === 'Community' ? 'Community' : 'Election round', id);
    authorize(ctx.caller, row.communityId);
    return work(tx, row.communityId);
  }, options);
}
