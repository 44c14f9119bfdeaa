import { demoCommunities, type Logger } from '@shequ/kit';
import type { DB } from './db.js';

/** Demo data: the 112 communities. Idempotent: existing rows are left alone. */
export async function seed(prisma: DB, log: Logger): Promise<void> {
  const { count } = await prisma.community.createMany({ data: demoCommunities, skipDuplicates: true });
  if (count) log.info({ communities: count }, 'demo data seeded');
}
