// A campaign's results. While it is DRAFT or OPEN they come from its released live tallies
// (release.ts: no single ballot can be read off them); once CLOSED, from all of its ballots, with
// per-criterion means and comments. Either way a fixed number of statements, whatever the size.
import type { DB } from '../db.js';
import type { Campaign, CampaignStatus, CampaignTarget, Criterion, LiveTally } from '../generated/prisma/client.js';
import { anonymisedList } from '@shequ/kit';
import { tallyFromRow } from './release.js';
import { resultsFromTallies, tallyBallots, type Tally, type TargetResult } from './scoring.js';

export type CampaignWithParts = Campaign & { criteria: Criterion[]; targets: CampaignTarget[] };

export interface LiveResult extends TargetResult {
  campaignId: string;
  campaignStatus: CampaignStatus;
  /** Orders updates across replicas: a client keeps the highest it has seen. */
  revision: number;
  /** Anonymised comments, sorted; null below the campaign's minimum ballot count and until CLOSED. */
  comments: string[] | null;
}

export interface Progress {
  campaignId: string;
  campaignStatus: CampaignStatus;
  revision: number;
  ballotsCast: number;
  eligibleBallots: number;
  turnout: number;
}

export type BallotRow = { targetId: string; levels: number[]; comment: string | null };

export const campaignParts = { criteria: { orderBy: { position: 'asc' } }, targets: { orderBy: { position: 'asc' } } } as const;

/** From CLOSED on, no ballot changes any more: results are final and come from every ballot. */
export const isSettled = (campaign: Pick<Campaign, 'status'>) => campaign.status === 'CLOSED' || campaign.status === 'PUBLISHED';

function resultsOf(campaign: CampaignWithParts, tallies: ReadonlyMap<string, Tally>, comments: Map<string, (string | null)[]> | null): LiveResult[] {
  const results = resultsFromTallies(campaign.criteria, campaign.targets, tallies, campaign.minBallots);
  return results.map((r) => ({
    ...r,
    // Per-criterion means of a released state are as safe as its score, but they are shown with
    // the comments, once final: the live board is about scores and ranks.
    criteria: comments ? r.criteria : null,
    campaignId: campaign.id,
    campaignStatus: campaign.status,
    revision: campaign.revision,
    comments: comments && r.visible ? anonymisedList(comments.get(r.targetId) ?? []) : null,
  }));
}

/** A closed campaign's final results, from all of its ballots. */
export function settledResults(campaign: CampaignWithParts, ballots: readonly BallotRow[]): LiveResult[] {
  const tallies = tallyBallots(
    campaign.criteria,
    campaign.targets.map((t) => t.targetId),
    ballots,
  );
  const comments = new Map<string, (string | null)[]>();
  for (const b of ballots) if (b.comment) comments.set(b.targetId, [...(comments.get(b.targetId) ?? []), b.comment]);
  return resultsOf(campaign, tallies, comments);
}

/**
 * The campaign's revision: while ballots come in, its row's (a seeded campaign starts at its
 * ballot count) plus the Σ of its tallies' versions, each bumped by every ballot on its target; it
 * grows with every accepted ballot like a counter on the campaign's row would, without every ballot
 * writing that one row. Read with the tallies in one statement, it is exactly as new as the state
 * they show. Closing the campaign folds the Σ into its row (close.ts), so a settled campaign's
 * revision is its row's.
 */
export const revisionOf = (campaign: Pick<Campaign, 'revision' | 'status'>, tallies: readonly Pick<LiveTally, 'version'>[]) =>
  isSettled(campaign) ? campaign.revision : tallies.reduce((sum, t) => sum + t.version, campaign.revision);

/** An open (or draft) campaign's results as last released. */
export const releasedResults = (campaign: CampaignWithParts, tallies: ReadonlyMap<string, Tally>): LiveResult[] => resultsOf(campaign, tallies, null);

export function progressOf(
  campaign: Pick<Campaign, 'id' | 'revision' | 'status'> & { targets: Pick<CampaignTarget, 'eligibleVoters'>[] },
  ballotsCast: number,
): Progress {
  const eligibleBallots = campaign.targets.reduce((sum, t) => sum + t.eligibleVoters, 0);
  const turnout = eligibleBallots === 0 ? 0 : Math.round((ballotsCast / eligibleBallots) * 10_000) / 10_000;
  return { campaignId: campaign.id, campaignStatus: campaign.status, revision: campaign.revision, ballotsCast, eligibleBallots, turnout };
}

export interface Snapshot {
  campaign: CampaignWithParts;
  results: LiveResult[];
  progress: Progress;
}

/** The campaign as of now: its tallies are read in one statement, with the revision they make. */
export async function snapshot(prisma: DB, campaignId: string): Promise<Snapshot | null> {
  const read = await prisma.campaign.findUnique({ where: { id: campaignId }, include: campaignParts });
  if (!read) return null;
  const rows = isSettled(read) ? [] : await prisma.liveTally.findMany({ where: { campaignId } });
  const campaign = { ...read, revision: revisionOf(read, rows) };
  // While ballots come in, the count is the sum of the targets' current tallies (moved in each
  // ballot's transaction), not a count over every ballot on every round.
  const ballotsCast = isSettled(campaign) ? await prisma.ballot.count({ where: { campaignId } }) : rows.reduce((sum, r) => sum + r.currentCount, 0);
  const results = isSettled(campaign)
    ? settledResults(campaign, await prisma.ballot.findMany({ where: { campaignId }, select: { targetId: true, levels: true, comment: true } }))
    : releasedResults(campaign, new Map(rows.map((r) => [r.targetId, tallyFromRow(r)])));
  return { campaign, results, progress: progressOf(campaign, ballotsCast) };
}
