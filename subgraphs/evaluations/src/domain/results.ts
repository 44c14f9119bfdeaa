// A campaign's results, computed from its ballots in memory over one query (plus the campaign's
// criteria and targets): the statement count does not grow with targets or ballots.
import type { DB } from '../db.js';
import type { Campaign, CampaignTarget, Criterion } from '../generated/prisma/client.js';
import { commentList } from './anonymise.js';
import { computeResults, type TargetResult } from './scoring.js';

export type CampaignWithParts = Campaign & { criteria: Criterion[]; targets: CampaignTarget[] };

export interface LiveResult extends TargetResult {
  campaignId: string;
  /** Orders updates across replicas: a client keeps the highest it has seen. */
  revision: number;
  /** Anonymised comments, sorted; null below the campaign's minimum ballot count and while OPEN. */
  comments: string[] | null;
}

export interface Progress {
  campaignId: string;
  revision: number;
  ballotsCast: number;
  eligibleBallots: number;
  turnout: number;
}

export type BallotRow = { targetId: string; levels: number[]; comment: string | null };

export const campaignParts = { criteria: { orderBy: { position: 'asc' } }, targets: { orderBy: { position: 'asc' } } } as const;

/**
 * While ballots still come in, results change one ballot at a time: per-criterion means would let
 * a live subscriber difference two results into that ballot's levels, and a new comment would
 * point at it. So both are shown only once the campaign is closed; scores are live.
 */
export function resultsOf(campaign: CampaignWithParts, ballots: readonly BallotRow[]): LiveResult[] {
  const criteria = campaign.criteria.map((c) => ({ key: c.key, label: c.label, weightHundredths: c.weightHundredths }));
  const results = computeResults(criteria, campaign.targets, ballots, campaign.minBallots);
  const settled = campaign.status === 'CLOSED' || campaign.status === 'PUBLISHED';
  const comments = new Map<string, (string | null)[]>();
  for (const b of ballots) if (b.comment) comments.set(b.targetId, [...(comments.get(b.targetId) ?? []), b.comment]);
  return results.map((r) => ({
    ...r,
    criteria: settled ? r.criteria : null,
    campaignId: campaign.id,
    revision: campaign.revision,
    comments: settled && r.visible ? commentList(comments.get(r.targetId) ?? []) : null,
  }));
}

export function progressOf(campaign: Pick<Campaign, 'id' | 'revision'> & { targets: Pick<CampaignTarget, 'eligibleVoters'>[] }, ballotsCast: number): Progress {
  const eligibleBallots = campaign.targets.reduce((sum, t) => sum + t.eligibleVoters, 0);
  const turnout = eligibleBallots === 0 ? 0 : Math.round((ballotsCast / eligibleBallots) * 10_000) / 10_000;
  return { campaignId: campaign.id, revision: campaign.revision, ballotsCast, eligibleBallots, turnout };
}

/** The campaign as of now. Its revision is read before the ballots, so the state is at least that new. */
export async function snapshot(prisma: DB, campaignId: string): Promise<{ results: LiveResult[]; progress: Progress } | null> {
  const campaign = await prisma.campaign.findUnique({ where: { id: campaignId }, include: campaignParts });
  if (!campaign) return null;
  const ballots = await prisma.ballot.findMany({ where: { campaignId }, select: { targetId: true, levels: true, comment: true } });
  return { results: resultsOf(campaign, ballots), progress: progressOf(campaign, ballots.length) };
}
