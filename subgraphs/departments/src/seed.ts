import { demoDepartments, demoStreets, type Logger } from '@shequ/kit';
import type { DB } from './db.js';

/** Demo data: the 13 streets and the 6 pilot departments. Idempotent. */
export async function seed(prisma: DB, log: Logger): Promise<void> {
  const streets = await prisma.street.createMany({
    data: demoStreets.map(({ id, name, nameEn, pilot }) => ({ id, name, nameEn, pilot })),
    skipDuplicates: true,
  });
  const departments = await prisma.department.createMany({ data: demoDepartments, skipDuplicates: true });
  if (streets.count || departments.count) log.info({ streets: streets.count, departments: departments.count }, 'demo data seeded');
}
