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
import { resultsFromTallies, tallyBallots, type CriterionSpec, type Tally, type TargetResult, type TargetSpec } from './scoring.js';

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

/** A target's tally over all of its ballots. */
async function fullTally(tx: Tx, campaign: CampaignForRelease, targetId: string): Promise<Tally> {
  const ballots = await tx.ballot.findMany({ where: { campaignId: campaign.id, targetId }, select: { targetId: true, levels: true } });
  return tallyBallots(campaign.criteria, [targetId], ballots).get(targetId)!;
}

const shown = (r: TargetResult) => JSON.stringify([r.ballotCount, r.visible, r.score, r.rank, r.satisfactionRate, r.badReviews]);

function changedResults(campaign: CampaignForRelease, before: Map<string, Tally>, after: Map<string, Tally>): string[] {
  const was = new Map(resultsFromTallies(campaign.criteria, campaign.targets, before, campaign.minBallots).map((r) => [r.targetId, shown(r)]));
  return resultsFromTallies(campaign.criteria, campaign.targets, after, campaign.minBallots)
    .filter((r) => was.get(r.targetId) !== shown(r))
    .map((r) => r.targetId);
}

/**
 * Records, in the ballot's own transaction, that `ballotId` was cast or replaced, and releases the
 * target once enough ballots changed. The caller holds the campaign's row lock (its revision bump),
 * so ballots on one campaign pass through here one at a time.
 */
export async function recordBallotChange(tx: Tx, campaign: CampaignForRelease, targetId: string, ballotId: string, revision: number): Promise<ChangeOutcome> {
  const where = { campaignId_targetId: { campaignId: campaign.id, targetId } };
  const row = await tx.liveTally.findUnique({ where });
  const pending = [...new Set([...(row?.pendingBallotIds ?? []), ballotId])];
  if (pending.length < campaign.minBallots) {
    await tx.liveTally.upsert({ where, create: { campaignId: campaign.id, targetId, levelSums: [], pendingBallotIds: pending }, update: { pendingBallotIds: pending } });
    return { released: false, changed: [] };
  }
  const tally = await fullTally(tx, campaign, targetId);
  const before = await liveTallies(tx, campaign.id);
  const changed = changedResults(campaign, before, new Map(before).set(targetId, tally));
  const data = { ...rowFromTally(tally), pendingBallotIds: [], revision };
  await tx.liveTally.upsert({ where, create: { campaignId: campaign.id, targetId, ...data }, update: data });
  return { released: true, changed };
}

/** Every target released as it stands (demo data: a campaign seeded OPEN with its ballots). */
export async function releaseAll(tx: Tx, campaign: CampaignForRelease, revision: number): Promise<void> {
  const ballots = await tx.ballot.findMany({ where: { campaignId: campaign.id }, select: { targetId: true, levels: true } });
  const tallies = tallyBallots(campaign.criteria, campaign.targets.map((t) => t.targetId), ballots);
  await tx.liveTally.deleteMany({ where: { campaignId: campaign.id } });
  await tx.liveTally.createMany({
    data: [...tallies].map(([targetId, tally]) => ({ campaignId: campaign.id, targetId, ...rowFromTally(tally), pendingBallotIds: [], revision })),
  });
}
