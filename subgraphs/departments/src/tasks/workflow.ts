// The negotiation and life of a delegated task (权随责走，费随事转): the proposer offers a budget,
// the community accepts, declines or counters, the proposer may revise its offer; only an
// accepted task starts, and acceptance moves the agreed budget to the community's funds. The work
// itself is joint: the proposer and the community each start and complete their own part; the
// task is IN_PROGRESS from the first part started and COMPLETED once both parts are.
import type { DelegatedTaskAction, DelegatedTaskStatus } from '../generated/prisma/enums.js';

/** Who takes a step: the proposing street/department, the community asked for help, or each for its own part. */
export type Party = 'proposer' | 'community' | 'each';

export interface Transition {
  from: DelegatedTaskStatus[];
  to: DelegatedTaskStatus;
  by: Party;
  /** How the step reads in an error message: "only PROPOSED or NEGOTIATING tasks can be <verb>". */
  verb: string;
}

export const transitions: Record<Exclude<DelegatedTaskAction, 'PROPOSE'>, Transition> = {
  COUNTER_PROPOSE: { from: ['PROPOSED', 'NEGOTIATING'], to: 'NEGOTIATING', by: 'community', verb: 'counter-proposed' },
  REVISE_OFFER: { from: ['NEGOTIATING'], to: 'NEGOTIATING', by: 'proposer', verb: 'given a revised offer' },
  ACCEPT: { from: ['PROPOSED', 'NEGOTIATING'], to: 'ACCEPTED', by: 'community', verb: 'accepted' },
  DECLINE: { from: ['PROPOSED', 'NEGOTIATING'], to: 'DECLINED', by: 'community', verb: 'declined' },
  // `to` of a part's COMPLETE is COMPLETED only when the other part is done (see tasks/parts.ts).
  START: { from: ['ACCEPTED', 'IN_PROGRESS'], to: 'IN_PROGRESS', by: 'each', verb: 'started' },
  COMPLETE: { from: ['IN_PROGRESS'], to: 'COMPLETED', by: 'each', verb: 'completed' },
  SETTLE: { from: ['COMPLETED'], to: 'SETTLED', by: 'proposer', verb: 'settled' },
};

export type StepAction = keyof typeof transitions;

/** The rule that departments never offload their own duties (see DOMAIN.md, rule 2). */
export const administrativeRule =
  'Departments do administrative work themselves and never push it onto the community (职能部门的行政性工作不得转嫁给社区); only work that genuinely needs the community may be delegated, with its funding';

/** Budgets in fen: at least 1 yuan, at most 10 million yuan. */
export const budgetLimits = { minFen: 100, maxFen: 1_000_000_000 } as const;
