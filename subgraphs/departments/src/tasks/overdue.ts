// A task is overdue from the day after its due date (the district's calendar day) while the work
// is not done: waiting for an answer, accepted or under way. Declined, completed or settled work
// is never overdue.
import type { DelegatedTask, DelegatedTaskStatus } from '../generated/prisma/client.js';

export const openStatuses: readonly DelegatedTaskStatus[] = ['PROPOSED', 'NEGOTIATING', 'ACCEPTED', 'IN_PROGRESS'];

/** `today` is the district's day as a `@db.Date` value (midnight UTC). */
export function isOverdue(task: Pick<DelegatedTask, 'dueDate' | 'status'>, today: Date): boolean {
  return task.dueDate !== null && task.dueDate < today && openStatuses.includes(task.status);
}
