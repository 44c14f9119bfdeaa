import { isUniqueViolation } from '@shequ/kit';
// Income another subgraph's outbox delivers (a task's funding, a unit's donation) is booked once
// per event id: a repeated delivery, also one racing the first, returns the entry first booked.
import type { Caller } from '@shequ/kit';
import type { Context } from '../builder.js';
import type { LedgerEntry } from '../generated/prisma/client.js';
import { lockedWrite } from '../transactions.js';
import { appendEntry, type NewEntry } from './post.js';

export interface DeliveredEntry extends Omit<NewEntry, 'eventId'> {
  eventId: string;
}

// The service caller was checked by the mutation; it books for whichever community the event names.
const anyCommunity = (_caller: Caller, _communityId: string) => {};

// biome-ignore lint/suspicious/noConfusingVoidType: a hook that returns nothing adds nothing to the entry
export async function bookOnce(ctx: Context, entry: DeliveredEntry, beforeFirst?: () => Promise<Partial<NewEntry> | void>): Promise<LedgerEntry> {
  const repeat = (existing: LedgerEntry): LedgerEntry => {
    if (existing.communityId !== entry.communityId || existing.amountFen !== entry.amountFen || existing.category !== entry.category) {
      ctx.log.warn({ eventId: entry.eventId, entryId: existing.id }, 'outbox event repeated with different content; the first delivery stands');
    }
    return existing;
  };
  const existing = await ctx.prisma.ledgerEntry.findUnique({ where: { eventId: entry.eventId } });
  if (existing) return repeat(existing);
  // Checks with the sender (through the gateway) only for an event not booked yet.
  const facts = (await beforeFirst?.()) ?? {};
  try {
    return await lockedWrite(ctx, 'Community', entry.communityId, (tx, communityId) => appendEntry(tx, { ...entry, ...facts, communityId }), anyCommunity);
  } catch (err) {
    // A concurrent delivery of the same event won the unique eventId: return its entry.
    if (!isUniqueViolation(err, 'eventId')) throw err;
    return repeat((await ctx.prisma.ledgerEntry.findUnique({ where: { eventId: entry.eventId } }))!);
  }
}
