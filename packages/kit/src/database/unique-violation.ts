import { PrismaClientKnownRequestError } from '@prisma/client/runtime/client';

/**
 * A write that failed on a unique constraint (P2002): the row exists already, or the database
 * settled a race. With `field`, only a constraint covering that column counts. Through the driver
 * adapters the violated fields sit in `meta` in more than one shape, so all of it is searched.
 * Every subgraph's generated client throws the one runtime's error class, so one check serves all.
 */
export function isUniqueViolation(err: unknown, field?: string): boolean {
  if (!(err instanceof PrismaClientKnownRequestError) || err.code !== 'P2002') return false;
  return field === undefined || JSON.stringify(err.meta ?? {}).includes(field);
}
