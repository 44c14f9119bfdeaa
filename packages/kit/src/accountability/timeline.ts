// The accountability trail of a street, a department or a staff member: what happened to them,
// dated, from every subgraph that records part of it. Evaluations records scores and
// rectification; departments records commitments and delegated work. Both subgraphs declare the
// same event type and kinds from this one list, so the gateway can hand one subgraph's events to
// the other (@requires) and the merged timeline has one shape.

/**
 * Every kind of event, in the order in which, for events on the same instant, a reader expects
 * them: a score is published before the bad reviews it carries, a case follows its reviews, a
 * plan its case, a verification its plan; commitments and tasks come after.
 */
export const accountabilityEventKinds = [
  'SCORE_PUBLISHED',
  'BAD_REVIEWS',
  'CASE_OPENED',
  'APPEAL_FILED',
  'APPEAL_DECIDED',
  'PLAN_SUBMITTED',
  'PLAN_SENT_BACK',
  'VERIFIED',
  'CASE_CLOSED',
  'COMMITMENT_MADE',
  'COMMITMENT_KEPT',
  'COMMITMENT_BROKEN',
  'TASK_PROPOSED',
  'TASK_ACCEPTED',
  'TASK_DECLINED',
  'TASK_COMPLETED',
  'TASK_SETTLED',
] as const;

export type AccountabilityEventKind = (typeof accountabilityEventKinds)[number];

/** What each kind means, for the schema's enum descriptions. */
export const accountabilityEventKindDescriptions: Record<AccountabilityEventKind, string> = {
  SCORE_PUBLISHED: 'A campaign published its result: score, grade and rank',
  BAD_REVIEWS: 'The bad reviews (差评) a published result carried',
  CASE_OPENED: 'A rectification case was opened for bad reviews',
  APPEAL_FILED: 'The target appealed the case',
  APPEAL_DECIDED: 'The district decided the appeal',
  PLAN_SUBMITTED: 'A rectification plan was submitted',
  PLAN_SENT_BACK: "An affected community's assembly sent the plan back",
  VERIFIED: "An affected community's assembly accepted the rectification",
  CASE_CLOSED: 'The case was closed: verified or dismissed',
  COMMITMENT_MADE: 'A public commitment was made (承诺制)',
  COMMITMENT_KEPT: 'A commitment was assessed kept',
  COMMITMENT_BROKEN: 'A commitment was assessed broken',
  TASK_PROPOSED: 'Work was proposed to a community (准入)',
  TASK_ACCEPTED: 'A community accepted delegated work, with its money (费随事转)',
  TASK_DECLINED: 'A community declined delegated work',
  TASK_COMPLETED: 'Delegated work was completed',
  TASK_SETTLED: 'Delegated work was settled',
};

export interface AccountabilityEvent {
  at: Date;
  kind: AccountabilityEventKind;
  /** One line a reader understands without opening anything else. */
  summary: string;
  /** The campaign, case, commitment or task the event is about. */
  subjectId: string;
  /** The community concerned, when there is one. */
  communityId: string | null;
}

const stage = new Map(accountabilityEventKinds.map((kind, i) => [kind, i]));

/** Events in time order; on the same instant in the order of `accountabilityEventKinds`, then by subject. */
export function inTimeOrder(events: readonly AccountabilityEvent[]): AccountabilityEvent[] {
  return [...events].sort((a, b) => a.at.getTime() - b.at.getTime() || stage.get(a.kind)! - stage.get(b.kind)! || a.subjectId.localeCompare(b.subjectId));
}
