// Live results that no one can difference into a single ballot. While a campaign is OPEN, every
// reader (its administrators and named observers, by query or subscription) sees each target as of
// its last *release*, and a target is released only once `minBallots` distinct ballots were cast
// or replaced since its previous release: two consecutive states of a target differ by at least
// that many ballots, never by one. Ranks are taken among released states, so no rank moves because
// of a ballot that is not released yet. Once the campaign is closed, results come from all ballots.
//
// What remains: the final result may differ from the last release by fewer than minBallots
// ballots, so a reader who saw that release can work out those few ballots' combined score (not
// who cast them). Closing that too would take noise, which appraisal results cannot carry.
import type { LiveTally, Prisma } from '../generated/prisma/client.js';
import { combine, contributionOf, resultsFromTallies, shownState, tallyBallots, type CriterionSpec, type Tally, type TargetSpec } from './scoring.js';

type Tx = Prisma.TransactionClient;

export interface CampaignForRelease {
  id: string;
  minBallots: number;
  criteria: CriterionSpec[];
  targets: TargetSpec[];
}

export interface ChangeOutcome {
  released: boolean;
  /** Targets whose live result changed: the released one, and every one whose rank moved. */
  changed: string[];
}

export function tallyFromRow(row: Pick<LiveTally, 'ballotCount' | 'weightedSum' | 'satisfied' | 'levelSums'>): Tally {
  return { n: row.ballotCount, weighted: row.weightedSum, satisfied: row.satisfied, levelSums: row.levelSums.map(BigInt) };
}

function rowFromTally(tally: Tally) {
  return { ballotCount: tally.n, weightedSum: tally.weighted, satisfied: tally.satisfied, levelSums: tally.levelSums.map(Number) };
}

export async function liveTallies(db: Pick<Tx, 'liveTally'>, campaignId: string): Promise<Map<string, Tally>> {
  const rows = await db.liveTally.findMany({ where: { campaignId } });
  return new Map(rows.map((r) => [r.targetId, tallyFromRow(r)]));
}

function changedResults(campaign: CampaignForRelease, before: Map<string, Tally>, after: Map<string, Tally>): string[] {
  const was = new Map(resultsFromTallies(campaign.criteria, campaign.targets, before, campaign.minBallots).map((r) => [r.targetId, shownState(r)]));
  return resultsFromTallies(campaign.criteria, campaign.targets, after, campaign.minBallots)
    .filter((r) => was.get(r.targetId) !== shownState(r))
    .map((r) => r.targetId);
}

/** A ballot cast (no previous one) or replaced (the previous one's levels). */
export interface BallotChange {
  targetId: string;
  ballotId: string;
  levels: number[];
  previousLevels: number[] | null;
}

type MovedRow = { targetId: string; pending: number; currentCount: number; currentWeighted: bigint; currentSatisfied: number; currentLevelSums: number[] };

/**
 * Records, in the ballots' own transaction, what the ballots (one voter's, at most one per target)
 * changed in their targets' current tallies, and releases each target once minBallots ballots
 * changed since its last release. Two statements, three when a target is released, however many
 * ballots: one upsert moves every target's current tally by its delta (exact integer sums, done by
 * the database: `sum = sum + delta`), bumps its version and adds the ballot to its pending ones.
 * The rows are taken in target order, so concurrent sheets on the same targets queue on each row
 * for the few statements up to their commit and never deadlock. Nothing here writes the campaign's
 * row: ballots on different targets do not wait for each other at all.
 */
export async function recordBallotChanges(tx: Tx, campaign: CampaignForRelease, changes: readonly BallotChange[]): Promise<ChangeOutcome> {
  if (changes.length === 0) return { released: false, changed: [] };
  const sorted = [...changes].sort((a, b) => (a.targetId < b.targetId ? -1 : a.targetId > b.targetId ? 1 : 0));
  const deltas = sorted.map((change) => {
    const added = contributionOf(campaign.criteria, change.levels);
    return change.previousLevels ? combine(added, contributionOf(campaign.criteria, change.previousLevels), -1) : added;
  });
  const targetIds = sorted.map((c) => c.targetId);
  const ballotIds = sorted.map((c) => c.ballotId);
  const counts = deltas.map((d) => d.n);
  const weighted = deltas.map((d) => String(d.weighted));
  const satisfied = deltas.map((d) => d.satisfied);
  const levelSums = deltas.map((d) => `{${d.levelSums.map(String).join(',')}}`);
  const moved = await tx.$queryRaw<MovedRow[]>`
    INSERT INTO "LiveTally" ("campaignId", "targetId", "levelSums", "currentCount", "currentWeighted", "currentSatisfied", "currentLevelSums", "pendingBallotIds", "version")
    SELECT ${campaign.id}, d.t, '{}', d.n, d.w::bigint, d.s, d.l::int[], ARRAY[d.b], 1
    FROM unnest(${targetIds}::text[], ${counts}::int[], ${weighted}::text[], ${satisfied}::int[], ${levelSums}::text[], ${ballotIds}::text[]) WITH ORDINALITY AS d(t, n, w, s, l, b, i)
    ORDER BY d.i
    ON CONFLICT ("campaignId", "targetId") DO UPDATE SET
      "currentCount" = "LiveTally"."currentCount" + EXCLUDED."currentCount",
      "currentWeighted" = "LiveTally"."currentWeighted" + EXCLUDED."currentWeighted",
      "currentSatisfied" = "LiveTally"."currentSatisfied" + EXCLUDED."currentSatisfied",
      "currentLevelSums" = ARRAY(SELECT COALESCE(a, 0) + COALESCE(b, 0) FROM unnest("LiveTally"."currentLevelSums", EXCLUDED."currentLevelSums") WITH ORDINALITY AS u(a, b, i) ORDER BY i),
      "pendingBallotIds" = CASE WHEN EXCLUDED."pendingBallotIds"[1] = ANY ("LiveTally"."pendingBallotIds") THEN "LiveTally"."pendingBallotIds"
                                ELSE array_append("LiveTally"."pendingBallotIds", EXCLUDED."pendingBallotIds"[1]) END,
      "version" = "LiveTally"."version" + 1
    RETURNING "targetId", cardinality("pendingBallotIds")::int AS pending, "currentCount", "currentWeighted", "currentSatisfied", "currentLevelSums"`;
  const due = moved.filter((row) => row.pending >= campaign.minBallots);
  if (due.length === 0) return { released: false, changed: [] };
  // The rows being released are this transaction's (locked since the upsert); the other targets'
  // released states are read as committed, which is all a rank needs.
  const before = await liveTallies(tx, campaign.id);
  const after = new Map(before);
  for (const row of due)
    after.set(row.targetId, {
      n: row.currentCount,
      weighted: BigInt(row.currentWeighted),
      satisfied: row.currentSatisfied,
      levelSums: row.currentLevelSums.map(BigInt),
    });
  const changed = changedResults(campaign, before, after);
  const released = due.map((row) => row.targetId);
  await tx.$executeRaw`
    UPDATE "LiveTally" SET "ballotCount" = "currentCount", "weightedSum" = "currentWeighted", "satisfied" = "currentSatisfied",
      "levelSums" = "currentLevelSums", "pendingBallotIds" = '{}', "revision" = "version"
    WHERE "campaignId" = ${campaign.id} AND "targetId" = ANY (${released}::text[])`;
  return { released: true, changed };
}

/** Every target released as it stands (demo data: a campaign seeded OPEN with its ballots). */
export async function releaseAll(tx: Tx, campaign: CampaignForRelease): Promise<void> {
  const ballots = await tx.ballot.findMany({ where: { campaignId: campaign.id }, select: { targetId: true, levels: true } });
  const tallies = tallyBallots(
    campaign.criteria,
    campaign.targets.map((t) => t.targetId),
    ballots,
  );
  await tx.liveTally.deleteMany({ where: { campaignId: campaign.id } });
  await tx.liveTally.createMany({
    data: [...tallies].map(([targetId, tally]) => {
      const released = rowFromTally(tally);
      const current = {
        currentCount: released.ballotCount,
        currentWeighted: released.weightedSum,
        currentSatisfied: released.satisfied,
        currentLevelSums: released.levelSums,
      };
      return { campaignId: campaign.id, targetId, ...released, ...current, pendingBallotIds: [] };
    }),
  });
}
