// The stored per-target tallies (LiveTally's current state, moved ballot by ballot with atomic
// increments) checked against a recomputation from the ballots themselves: used by the tests and
// the benchmark after concurrent intake, where a lost update would show as a difference.
import type { DB } from '../db.js';
import { tallyBallots } from './scoring.js';

export interface TallyMismatch {
  targetId: string;
  stored: string;
  recomputed: string;
}

const shown = (t: { n: number; weighted: bigint; satisfied: number; levelSums: readonly bigint[] }) =>
  JSON.stringify([t.n, String(t.weighted), t.satisfied, t.levelSums.map(String)]);

/** Every target whose stored current tally differs from its ballots' (empty: exactly equal). */
export async function tallyMismatches(prisma: DB, campaignId: string): Promise<TallyMismatch[]> {
  const campaign = await prisma.campaign.findUniqueOrThrow({
    where: { id: campaignId },
    include: { criteria: { orderBy: { position: 'asc' } }, targets: true },
  });
  const ballots = await prisma.ballot.findMany({ where: { campaignId }, select: { targetId: true, levels: true } });
  const recomputed = tallyBallots(
    campaign.criteria,
    campaign.targets.map((t) => t.targetId),
    ballots,
  );
  const rows = new Map((await prisma.liveTally.findMany({ where: { campaignId } })).map((r) => [r.targetId, r]));
  const mismatches: TallyMismatch[] = [];
  for (const [targetId, tally] of recomputed) {
    const row = rows.get(targetId);
    const stored = row
      ? shown({ n: row.currentCount, weighted: row.currentWeighted, satisfied: row.currentSatisfied, levelSums: row.currentLevelSums.map(BigInt) })
      : shown({ n: 0, weighted: 0n, satisfied: 0, levelSums: campaign.criteria.map(() => 0n) });
    // A target no ballot touched has no row, or a row with empty level sums: both are zero.
    const want = shown(tally);
    if (stored !== want && !(tally.n === 0 && row && row.currentCount === 0 && row.currentLevelSums.every((x) => x === 0)))
      mismatches.push({ targetId, stored, recomputed: want });
  }
  return mismatches;
}
