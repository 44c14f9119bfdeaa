// Tender rules shared by the type and its mutations: the status a tender reads as, finding a
// tender the caller manages, and explaining why a guarded update found it in the wrong state.
import { conflict, forbidden, notFound } from '@shequ/kit';
import type { Prisma, Tender } from './generated/prisma/client.js';
import type { TenderStatus } from './generated/prisma/enums.js';
import { canManageTender } from './access.js';
import type { Context } from './builder.js';

/** An OPEN tender whose closing time has passed takes no more bids: it reads as CLOSED. */
export const effectiveStatus = (t: Pick<Tender, 'status' | 'closesAt'>, now = new Date()): TenderStatus =>
  t.status === 'OPEN' && t.closesAt <= now ? 'CLOSED' : t.status;

export function whereStatus(status: TenderStatus, now = new Date()): Prisma.TenderWhereInput {
  if (status === 'OPEN') return { status: 'OPEN', closesAt: { gt: now } };
  if (status === 'CLOSED') return { OR: [{ status: 'CLOSED' }, { status: 'OPEN', closesAt: { lte: now } }] };
  return { status };
}

export async function managedTender(ctx: Context, id: string): Promise<Tender> {
  const tender = await ctx.prisma.tender.findUnique({ where: { id } });
  if (!tender) throw notFound('Tender', id);
  if (!canManageTender(ctx.caller, tender)) throw forbidden("Only the district, or the staff of the tender's own street or community, manage it");
  return tender;
}

/** The CONFLICT for an action the tender's current state does not allow. */
export function wrongState(tender: Tender, action: string) {
  const status = effectiveStatus(tender);
  const why: Record<typeof status, string> = {
    OPEN: `bidding is open until ${tender.closesAt.toISOString()}`,
    CLOSED: 'bidding has closed',
    AWARDED: 'it has already been awarded',
    CANCELLED: 'it was cancelled',
  };
  return conflict(`Cannot ${action} tender ${tender.code}: ${why[status]}`, { status });
}
