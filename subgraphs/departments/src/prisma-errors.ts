import { Prisma } from './generated/prisma/client.js';

/** True for a unique-constraint violation (P2002): the row exists already. */
export const isUniqueViolation = (err: unknown): boolean => err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';
