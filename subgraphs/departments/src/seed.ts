import { demoDepartments, demoReferenceDay, demoStreets, lazy, seedDemoTables, type Logger } from '@shequ/kit';
import type { DB } from './db.js';
import { buildDemoCommitments, buildDemoRelationships } from './demo/public-records.js';
import { buildDemoStaff } from './demo/staff.js';
import { buildDemoTasks } from './demo/tasks.js';

/**
 * Demo data: the 13 streets and 6 pilot departments with their staff, assignments,
 * relationships, delegated tasks in every state (with their budget transfers waiting in the
 * outbox) and public commitments. Idempotent: once seeded a restart builds and sends nothing, so
 * a demo transfer once delivered is never queued again.
 */
export async function seed(prisma: DB, log: Logger): Promise<void> {
  const staff = lazy(buildDemoStaff);
  const tasks = lazy(() => buildDemoTasks(demoReferenceDay()));
  const publicRecords = lazy(buildDemoCommitments);
  // Prisma stamps @updatedAt itself; rows inserted in bulk say when they were written.
  const updatedAt = new Date();
  const seeded = await seedDemoTables(prisma, [
    { table: 'Street', rows: () => demoStreets.map(({ id, name, nameEn, pilot }) => ({ id, name, nameEn, pilot })) },
    { table: 'Department', rows: () => demoDepartments },
    { table: 'Staff', rows: () => staff().staff },
    { table: 'StaffAssignment', rows: () => staff().assignments },
    { table: 'Relationship', rows: () => buildDemoRelationships(staff()) },
    { table: 'DelegatedTask', rows: () => tasks().tasks.map((t) => ({ ...t, updatedAt })) },
    { table: 'DelegatedTaskStep', rows: () => tasks().steps },
    { table: 'OutboxEvent', rows: () => tasks().outbox },
    { table: 'Commitment', rows: () => publicRecords().commitments },
    { table: 'Notice', rows: () => publicRecords().notices },
  ]);
  if (seeded) log.info(seeded, 'demo data seeded');
}
