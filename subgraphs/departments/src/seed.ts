import { demoDepartments, demoReferenceDay, demoStreets, lazy, seedDemoTables, type Logger } from '@shequ/kit';
import type { DB } from './db.js';
import { buildDemoCommitments } from './demo/commitments.js';
import { buildDemoNotices, buildDemoRelationships } from './demo/public-records.js';
import { buildDemoStaff } from './demo/staff.js';
import { buildDemoTasks } from './demo/tasks.js';

/**
 * Demo data: the 13 streets and the 7 departments (6 pilots and civil affairs) with their staff, assignments,
 * relationships, delegated tasks in every state (with their budget transfers waiting in the
 * outbox), public commitments of departments, streets and service points with their
 * communities' assessments, and notices. Idempotent: once seeded a restart builds and sends nothing, so
 * a demo transfer once delivered is never queued again.
 */
export async function seed(prisma: DB, log: Logger): Promise<void> {
  const staff = lazy(buildDemoStaff);
  const tasks = lazy(() => buildDemoTasks(demoReferenceDay()));
  // Days count back from the demo's reference day (its service points' commitments included).
  const commitments = lazy(() => buildDemoCommitments(staff(), demoReferenceDay()));
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
    { table: 'Commitment', rows: () => commitments().commitments },
    { table: 'CommitmentCommunity', rows: () => commitments().communities },
    { table: 'CommitmentAssessment', rows: () => commitments().assessments },
    { table: 'Notice', rows: buildDemoNotices },
  ]);
  if (seeded) log.info(seeded, 'demo data seeded');
}
