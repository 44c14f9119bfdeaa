import { demoDepartments, demoStreets, type Logger } from '@shequ/kit';
import type { DB } from './db.js';
import { buildDemoCommitments, buildDemoRelationships } from './demo/public-records.js';
import { buildDemoStaff } from './demo/staff.js';
import { buildDemoTasks } from './demo/tasks.js';

/**
 * Demo data: the 13 streets and 6 pilot departments with their staff, assignments,
 * relationships, delegated tasks in every state (with their budget transfers waiting in the
 * outbox) and public commitments. Idempotent: rows that exist are left alone, so a restart adds
 * nothing and a demo transfer once delivered is never queued again.
 */
export async function seed(prisma: DB, log: Logger): Promise<void> {
  const staff = buildDemoStaff();
  const tasks = buildDemoTasks();
  const { commitments, notices } = buildDemoCommitments();
  const skipDuplicates = true;
  const counts = await prisma.$transaction([
    prisma.street.createMany({ data: demoStreets.map(({ id, name, nameEn, pilot }) => ({ id, name, nameEn, pilot })), skipDuplicates }),
    prisma.department.createMany({ data: demoDepartments, skipDuplicates }),
    prisma.staff.createMany({ data: staff.staff, skipDuplicates }),
    prisma.staffAssignment.createMany({ data: staff.assignments, skipDuplicates }),
    prisma.relationship.createMany({ data: buildDemoRelationships(staff), skipDuplicates }),
    prisma.delegatedTask.createMany({ data: tasks.tasks, skipDuplicates }),
    prisma.delegatedTaskStep.createMany({ data: tasks.steps, skipDuplicates }),
    prisma.outboxEvent.createMany({ data: tasks.outbox, skipDuplicates }),
    prisma.commitment.createMany({ data: commitments, skipDuplicates }),
    prisma.notice.createMany({ data: notices, skipDuplicates }),
  ]);
  const [streets, departments, staffRows, assignments, relationships, delegatedTasks, , transfers, commitmentRows, noticeRows] = counts.map((c) => c.count);
  if (counts.some((c) => c.count > 0)) {
    log.info({ streets, departments, staff: staffRows, assignments, relationships, delegatedTasks, transfers, commitments: commitmentRows, notices: noticeRows }, 'demo data seeded');
  }
}
