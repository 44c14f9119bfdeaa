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
  ballotId: string;
  levels: number[];
  previousLevels: number[] | null;
}

/**
 * Records, in the ballot's own transaction, what the ballot changed in its target's current tally,
 * and releases the target once minBallots ballots changed since the last release. A fixed number
 * of statements whatever the number of ballots. The caller holds the campaign's row lock (its
 * revision bump), so ballots on one campaign pass through here one at a time.
 */
export async function recordBallotChange(tx: Tx, campaign: CampaignForRelease, targetId: string, change: BallotChange, revision: number): Promise<ChangeOutcome> {
  const added = contributionOf(campaign.criteria, change.levels);
  const delta = change.previousLevels ? combine(added, contributionOf(campaign.criteria, change.previousLevels), -1) : added;
  const levels = delta.levelSums.map(Number);
  // One statement on every ballot: the current tally moves by the delta, and the ballot joins the
  // pending ones (once).
  const [now] = await tx.$queryRaw<[{ pending: number; currentCount: number; currentWeighted: bigint; currentSatisfied: number; currentLevelSums: number[] }]>`
    INSERT INTO "LiveTally" ("campaignId", "targetId", "levelSums", "currentCount", "currentWeighted", "currentSatisfied", "currentLevelSums", "pendingBallotIds")
    VALUES (${campaign.id}, ${targetId}, '{}', ${delta.n}, ${delta.weighted}, ${delta.satisfied}, ${levels}::int[], ARRAY[${change.ballotId}])
    ON CONFLICT ("campaignId", "targetId") DO UPDATE SET
      "currentCount" = "LiveTally"."currentCount" + EXCLUDED."currentCount",
      "currentWeighted" = "LiveTally"."currentWeighted" + EXCLUDED."currentWeighted",
      "currentSatisfied" = "LiveTally"."currentSatisfied" + EXCLUDED."currentSatisfied",
      "currentLevelSums" = ARRAY(SELECT COALESCE(a, 0) + COALESCE(b, 0) FROM unnest("LiveTally"."currentLevelSums", EXCLUDED."currentLevelSums") WITH ORDINALITY AS u(a, b, i) ORDER BY i),
      "pendingBallotIds" = CASE WHEN ${change.ballotId} = ANY ("LiveTally"."pendingBallotIds") THEN "LiveTally"."pendingBallotIds"
                                ELSE array_append("LiveTally"."pendingBallotIds", ${change.ballotId}) END
    RETURNING cardinality("pendingBallotIds")::int AS pending, "currentCount", "currentWeighted", "currentSatisfied", "currentLevelSums"`;
  if (now!.pending < campaign.minBallots) return { released: false, changed: [] };
  const tally: Tally = { n: now!.currentCount, weighted: BigInt(now!.currentWeighted), satisfied: now!.currentSatisfied, levelSums: now!.currentLevelSums.map(BigInt) };
  const before = await liveTallies(tx, campaign.id);
  const changed = changedResults(campaign, before, new Map(before).set(targetId, tally));
  await tx.liveTally.update({ where: { campaignId_targetId: { campaignId: campaign.id, targetId } }, data: { ...rowFromTally(tally), pendingBallotIds: [], revision } });
  return { released: true, changed };
}

/** Every target released as it stands (demo data: a campaign seeded OPEN with its ballots). */
export async function releaseAll(tx: Tx, campaign: CampaignForRelease, revision: number): Promise<void> {
  const ballots = await tx.ballot.findMany({ where: { campaignId: campaign.id }, select: { targetId: true, levels: true } });
  const tallies = tallyBallots(campaign.criteria, campaign.targets.map((t) => t.targetId), ballots);
  await tx.liveTally.deleteMany({ where: { campaignId: campaign.id } });
  await tx.liveTally.createMany({
    data: [...tallies].map(([targetId, tally]) => {
      const released = rowFromTally(tally);
      const current = { currentCount: released.ballotCount, currentWeighted: released.weightedSum, currentSatisfied: released.satisfied, currentLevelSums: released.levelSums };
      return { campaignId: campaign.id, targetId, ...released, ...current, pendingBallotIds: [], revision };
    }),
  });
}
