import { Prisma } from './generated/prisma/client.js';

/**
 * A unique-constraint violation (P2002), optionally on a constraint covering `field`. Through the
 * driver adapters the violated fields sit in `meta` in more than one shape, so look in all of it.
 */
export function isUniqueViolation(err: unknown, field?: string): boolean {
  if (!(err instanceof Prisma.PrismaClientKnownRequestError) || err.code !== 'P2002') return false;
  return field === undefined || JSON.stringify(err.meta ?? {}).includes(field);
}
