// What a commitment's communities' assessments make of it. The owner never sets this: it proposes,
// the communities it was made to judge (承诺制 under 社区评议). The rule, chosen because a promise
// is owed to every community it was made to:
// - BROKEN as soon as any one of them judged it broken (which is only possible once it is due, see
//   assessment.ts: before its deadline it can still be kept);
// - KEPT once every one of them judged it kept;
// - PENDING until then, however many have judged it kept.
import type { CommitmentStatus, CommitmentVerdict } from '../generated/prisma/enums.js';

export function standing(verdicts: readonly CommitmentVerdict[], communitiesMadeTo: number): CommitmentStatus {
  if (verdicts.includes('BROKEN')) return 'BROKEN';
  if (communitiesMadeTo > 0 && verdicts.length >= communitiesMadeTo) return 'KEPT';
  return 'PENDING';
}

/** Still pending after its deadline (a calendar day, UTC). */
export const overdue = (c: { status: CommitmentStatus; deadline: Date }, today = new Date()): boolean =>
  c.status === 'PENDING' && c.deadline.toISOString().slice(0, 10) < today.toISOString().slice(0, 10);

/** The kept / broken / pending counts that stand against (or for) an owner. */
export interface CommitmentCounts {
  total: number;
  kept: number;
  broken: number;
  pending: number;
  /** Of the pending ones, those past their deadline. */
  overdue: number;
}

export function countCommitments(rows: readonly { status: CommitmentStatus; deadline: Date }[], today = new Date()): CommitmentCounts {
  const counts: CommitmentCounts = { total: rows.length, kept: 0, broken: 0, pending: 0, overdue: 0 };
  for (const c of rows) {
    if (c.status === 'KEPT') counts.kept += 1;
    else if (c.status === 'BROKEN') counts.broken += 1;
    else counts.pending += 1;
    if (overdue(c, today)) counts.overdue += 1;
  }
  return counts;
}
