// The stages of an open recruitment and election of a residents' committee, as the source
// describes them: application → written exam → interview → pre-election → formal election. A
// round not yet concluded may instead be called off (CANCELLED), which is as final as COMPLETED.
import { conflict } from '@shequ/kit';
import type { ElectionStage } from '../generated/prisma/enums.js';

/** The stages a round goes through when it runs its course. */
export type CourseStage = Exclude<ElectionStage, 'CANCELLED'>;

export const stageOrder: readonly CourseStage[] = ['APPLICATION', 'WRITTEN_EXAM', 'INTERVIEW', 'PRE_ELECTION', 'FORMAL_ELECTION', 'COMPLETED'];

export const stageNames: Record<ElectionStage, string> = {
  APPLICATION: 'application',
  WRITTEN_EXAM: 'written exam',
  INTERVIEW: 'interview',
  PRE_ELECTION: 'pre-election',
  FORMAL_ELECTION: 'formal election',
  COMPLETED: 'completed',
  CANCELLED: 'cancelled',
};

/** COMPLETED or CANCELLED: nothing more happens in the round. */
export const isConcluded = (stage: ElectionStage) => stage === 'COMPLETED' || stage === 'CANCELLED';

/** How a round's state reads in an error message. */
const describeStage = (stage: ElectionStage) => (isConcluded(stage) ? stageNames[stage] : `in the ${stageNames[stage]}`);

/** Committee size under the Organic Law of Urban Residents' Committees: 5 to 9 members. */
export const seatLimits = { min: 5, max: 9 } as const;

export const scoreLimits = { min: 0, max: 100 } as const;

export function nextStage(stage: ElectionStage): CourseStage | null {
  if (stage === 'CANCELLED') return null;
  return stageOrder[stageOrder.indexOf(stage) + 1] ?? null;
}

/** CONFLICT unless the round is in `wanted`; `doing` says what the caller tried. */
export function requireStage(current: ElectionStage, wanted: ElectionStage, doing: string): void {
  if (current === wanted) return;
  throw conflict(`${doing} only during the ${stageNames[wanted]}; this election round is ${describeStage(current)}`, {
    stage: current,
    requiredStage: wanted,
  });
}

/** A round may be called off until it is concluded. */
export function requireCancellable(current: ElectionStage): void {
  if (isConcluded(current)) throw conflict(`This election round is ${stageNames[current]} and can no longer be cancelled`, { stage: current });
}

/** A move must go to the very next stage: no skipping, no going back, nothing after completion. */
export function requireNextStage(current: ElectionStage, to: ElectionStage): void {
  const next = nextStage(current);
  if (next === null) throw conflict(`This election round is ${stageNames[current]}; open a new round instead`, { stage: current });
  if (to !== next) {
    throw conflict(`An election round in the ${stageNames[current]} can only move on to the ${stageNames[next]}, not to the ${stageNames[to]}`, {
      stage: current,
      nextStage: next,
    });
  }
}
