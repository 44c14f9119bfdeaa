import { forbidden, notFound } from '@shequ/kit';
import { callerUnit, requireSignedIn, type Unit } from '../access.js';
import type { Context } from '../builder.js';
import type { Prisma } from '../generated/prisma/client.js';

export interface NamedUnit extends Unit {
  name: string;
}

/** The street or department a unit id names, with its name; NOT_FOUND when there is none. */
export async function findUnit(db: Prisma.TransactionClient, unitId: string): Promise<NamedUnit> {
  // One after the other: inside a transaction there is a single connection.
  const department = await db.department.findUnique({ where: { id: unitId }, select: { name: true } });
  const street = department ? null : await db.street.findUnique({ where: { id: unitId }, select: { name: true } });
  if (department) return { unitType: 'DEPARTMENT', unitId, name: department.name };
  if (street) return { unitType: 'STREET', unitId, name: street.name };
  throw notFound('Street or department', unitId);
}

/**
 * The unit a caller acts for: staff always for their own (naming another is FORBIDDEN), the
 * district administrator for the one named.
 */
export async function actingUnit(ctx: Context, named: string | null | undefined): Promise<NamedUnit> {
  requireSignedIn(ctx.caller);
  const own = callerUnit(ctx.caller);
  if (own) {
    if (named && named !== own.unitId) throw forbidden(`You act for ${own.unitId}, not ${named}`);
    return findUnit(ctx.prisma, own.unitId);
  }
  if (ctx.caller.role !== 'DISTRICT_ADMIN') throw forbidden('Only street or department staff act for a unit');
  if (!named) throw forbidden('Name the street or department you act for (proposerId)');
  return findUnit(ctx.prisma, named);
}
