import type { RectificationCase, RectificationStatus } from '../api/types.ts';
import { pickName, type Lang } from '../i18n.ts';
import { pastDeadline } from '../deadline.ts';

/** The order of the status filter, open ones first, as a case moves through them. */
export const statuses: readonly RectificationStatus[] = ['AWAITING_PLAN', 'PLAN_SUBMITTED', 'APPEALED', 'VERIFIED', 'DISMISSED'];

const closed = new Set<RectificationStatus>(['VERIFIED', 'DISMISSED']);

export const isClosed = (status: RectificationStatus) => closed.has(status);

/** The API's rule: past the deadline and not yet verified or dismissed; never while appealed (the deadline stands still). */
export function isOverdue(c: Pick<RectificationCase, 'status' | 'deadline'>, today: string): boolean {
  return !isClosed(c.status) && c.status !== 'APPEALED' && pastDeadline(c.deadline, today);
}

/** Who has to rectify: the street office, the department, or the staff member (with position). */
export function targetName(lang: Lang, c: Pick<RectificationCase, 'street' | 'department' | 'staff' | 'provider' | 'targetId'>): string {
  if (c.street) return pickName(lang, c.street);
  if (c.provider) return pickName(lang, c.provider);
  if (c.department) return pickName(lang, c.department);
  if (c.staff) return c.staff.position ? `${c.staff.name}（${c.staff.position}）` : c.staff.name;
  return c.targetId;
}

export type AppealState = 'none' | 'pending' | 'UPHELD' | 'REJECTED';

export function appealState(c: Pick<RectificationCase, 'appeal'>): AppealState {
  if (!c.appeal) return 'none';
  return c.appeal.decision ?? 'pending';
}

export interface CaseRow extends RectificationCase {
  overdue: boolean;
  open: boolean;
}

export function caseRows(cases: readonly RectificationCase[], today: string): CaseRow[] {
  return cases.map((c) => ({ ...c, overdue: isOverdue(c, today), open: !isClosed(c.status) }));
}

/** Open cases first, then by deadline in the chosen direction; ties by id so the order is stable. */
export function sortCases(rows: readonly CaseRow[], dir: 'asc' | 'desc'): CaseRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => Number(b.open) - Number(a.open) || sign * a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id));
}

/** '' is every status. */
export function filterCases(rows: readonly CaseRow[], status: RectificationStatus | ''): CaseRow[] {
  return status ? rows.filter((r) => r.status === status) : [...rows];
}
