// The results formula of issue 6, computed exactly: weights are kept in hundredths and every
// sum is an integer, so a score is a ratio of integers rounded once (half up) — never a float
// accumulated over thousands of ballots.

export type TargetKind = 'STREET' | 'DEPARTMENT' | 'STAFF';
export type Grade = 'EXCELLENT' | 'GOOD' | 'PASS' | 'FAIL';

export interface CriterionSpec {
  key: string;
  label: string;
  weightHundredths: number;
}

export interface TargetSpec {
  targetId: string;
  kind: TargetKind;
  eligibleVoters: number;
}

export interface BallotLevels {
  targetId: string;
  levels: number[];
}

export interface CriterionResult {
  key: string;
  label: string;
  weight: number;
  meanLevel: number;
}

export interface TargetResult {
  targetId: string;
  kind: TargetKind;
  ballotCount: number;
  eligibleVoters: number;
  /** False while the target has fewer than minBallots ballots: everything below is null. */
  visible: boolean;
  score: number | null;
  grade: Grade | null;
  rank: number | null;
  satisfactionRate: number | null;
  badReviews: number | null;
  criteria: CriterionResult[] | null;
}

/** num / den rounded half up to `decimals` places; both non-negative integers, den > 0. */
export function roundRatio(num: bigint, den: bigint, decimals: number): number {
  const scale = 10n ** BigInt(decimals);
  const scaled = (2n * num * scale + den) / (2n * den);
  return Number(scaled) / Number(scale);
}

export function gradeOf(score: number): Grade {
  if (score >= 90) return 'EXCELLENT';
  if (score >= 75) return 'GOOD';
  if (score >= 60) return 'PASS';
  return 'FAIL';
}

/** Σ(weight × level) in hundredths: a ballot's score is this divided by Σweight. */
export function weightedSum(criteria: readonly CriterionSpec[], levels: readonly number[]): number {
  return criteria.reduce((sum, c, i) => sum + c.weightHundredths * (levels[i] ?? 0), 0);
}

/** A bad review (差评): ballot score below 3, i.e. "dissatisfied" or worse on the weighted mean. */
export function isBadReview(criteria: readonly CriterionSpec[], levels: readonly number[]): boolean {
  return weightedSum(criteria, levels) < 3 * totalWeight(criteria);
}

const totalWeight = (criteria: readonly CriterionSpec[]) => criteria.reduce((sum, c) => sum + c.weightHundredths, 0);

/** What a target's ballots add up to: everything its result is computed from. */
export interface Tally {
  n: number;
  /** Σ over ballots of Σ(weight × level), weights in hundredths. */
  weighted: bigint;
  /** Ballots with ballot score ≥ 3. */
  satisfied: number;
  /** Per criterion (in the campaign's order), Σ of levels. */
  levelSums: bigint[];
}

export const emptyTally = (criteria: readonly CriterionSpec[]): Tally => ({ n: 0, weighted: 0n, satisfied: 0, levelSums: criteria.map(() => 0n) });

/** What one ballot adds to its target's tally. */
export function contributionOf(criteria: readonly CriterionSpec[], levels: readonly number[]): Tally {
  const sum = weightedSum(criteria, levels);
  return { n: 1, weighted: BigInt(sum), satisfied: sum >= 3 * totalWeight(criteria) ? 1 : 0, levelSums: criteria.map((_, i) => BigInt(levels[i] ?? 0)) };
}

/** `a + sign × b`, criterion by criterion. */
export function combine(a: Tally, b: Tally, sign: 1 | -1 = 1): Tally {
  const s = BigInt(sign);
  return {
    n: a.n + sign * b.n,
    weighted: a.weighted + s * b.weighted,
    satisfied: a.satisfied + sign * b.satisfied,
    levelSums: a.levelSums.map((x, i) => x + s * (b.levelSums[i] ?? 0n)),
  };
}

/** Every target's tally, from ballots; targets without ballots get an empty one. */
export function tallyBallots(criteria: readonly CriterionSpec[], targetIds: readonly string[], ballots: readonly BallotLevels[]): Map<string, Tally> {
  const tallies = new Map<string, Tally>(targetIds.map((id) => [id, emptyTally(criteria)]));
  for (const ballot of ballots) {
    const tally = tallies.get(ballot.targetId);
    if (tally) tallies.set(ballot.targetId, combine(tally, contributionOf(criteria, ballot.levels)));
  }
  return tallies;
}

/** Every target's result, ranks included, from one campaign's ballots. */
export function computeResults(
  criteria: readonly CriterionSpec[],
  targets: readonly TargetSpec[],
  ballots: readonly BallotLevels[],
  minBallots: number,
): TargetResult[] {
  return resultsFromTallies(
    criteria,
    targets,
    tallyBallots(
      criteria,
      targets.map((t) => t.targetId),
      ballots,
    ),
    minBallots,
  );
}

/** Every target's result, ranks included, from its tally (a missing tally counts as no ballots). */
export function resultsFromTallies(
  criteria: readonly CriterionSpec[],
  targets: readonly TargetSpec[],
  tallies: ReadonlyMap<string, Tally>,
  minBallots: number,
): TargetResult[] {
  const W = totalWeight(criteria);
  const results = targets.map((t): TargetResult => {
    const tally = tallies.get(t.targetId) ?? emptyTally(criteria);
    const base = { targetId: t.targetId, kind: t.kind, ballotCount: tally.n, eligibleVoters: t.eligibleVoters };
    if (tally.n === 0 || tally.n < minBallots) {
      return { ...base, visible: false, score: null, grade: null, rank: null, satisfactionRate: null, badReviews: null, criteria: null };
    }
    const n = BigInt(tally.n);
    const nW = n * BigInt(W);
    // score = 100 × (mean ballot score − 1) / 4 = 25 × (Σ weighted − n·W) / (n·W)
    const score = roundRatio(25n * (tally.weighted - nW), nW, 2);
    return {
      ...base,
      visible: true,
      score,
      grade: gradeOf(score),
      rank: null,
      satisfactionRate: roundRatio(BigInt(tally.satisfied), n, 4),
      badReviews: tally.n - tally.satisfied,
      criteria: criteria.map((c, i) => ({
        key: c.key,
        label: c.label,
        weight: c.weightHundredths / 100,
        meanLevel: roundRatio(tally.levelSums[i] ?? 0n, n, 2),
      })),
    };
  });
  // Competition ranking per kind: equal (rounded) scores share a rank, the next one skips (1, 2, 2, 4).
  for (const r of results) {
    if (r.score === null) continue;
    r.rank = 1 + results.filter((o) => o.kind === r.kind && o.score !== null && o.score > r.score!).length;
  }
  return results;
}

/** What a scoreboard shows of a result, as one comparable string: two results show the same when equal. */
export const shownState = (r: TargetResult) => JSON.stringify([r.ballotCount, r.visible, r.score, r.rank, r.satisfactionRate, r.badReviews, r.eligibleVoters]);
