// Casting a ballot: who may score what, one ballot per (campaign, representative, target) that
// a later cast replaces while the campaign is OPEN, and idempotent retries. Nothing here logs or
// returns who cast which ballot.
import { randomUUID } from 'node:crypto';
import { anonymise, badInput, conflict, forbidden, notFound, unauthenticated, type Caller, type ServiceClient } from '@shequ/kit';
import type { Context } from '../builder.js';
import { Prisma, type Campaign, type CampaignTarget, type Criterion } from '../generated/prisma/client.js';

type Tx = Prisma.TransactionClient;
import { castRequestKey, payloadHash, voterKey } from './ballot-key.js';
import { requireRegisteredRepresentative, staffCommunities, streetOf } from './facts.js';
import { recordBallotChange, type ChangeOutcome } from './release.js';
import type { TargetKind } from './scoring.js';

export interface CastInput {
  campaignId: string;
  targetId: string;
  levels: { criterion: string; level: number }[];
  comment?: string | null;
  idempotencyKey?: string | null;
}

export interface Receipt {
  campaignId: string;
  targetId: string;
  targetKind: TargetKind;
  replacedPrevious: boolean;
}

/** What a cast did to the live results (nothing for a retry already applied). */
export interface Cast {
  receipt: Receipt;
  live: ChangeOutcome;
}

function representative(caller: Caller): { personId: string; communityId: string } {
  if (caller.role === 'ANONYMOUS') throw unauthenticated();
  if (caller.role !== 'REPRESENTATIVE' || !caller.personId || !caller.communityId) {
    throw forbidden("Only members' representatives of a community cast ballots");
  }
  return { personId: caller.personId, communityId: caller.communityId };
}

/** Levels in the campaign's criteria order; every criterion exactly once, each 1–5. */
function orderedLevels(criteria: { key: string }[], given: CastInput['levels']): number[] {
  const byKey = new Map<string, number>();
  for (const { criterion, level } of given) {
    if (byKey.has(criterion)) throw badInput(`Criterion "${criterion}" is scored twice`, { field: 'levels' });
    if (!criteria.some((c) => c.key === criterion)) throw badInput(`"${criterion}" is not a criterion of this campaign`, { field: 'levels' });
    if (!Number.isInteger(level) || level < 1 || level > 5) throw badInput('Levels go from 1 (very dissatisfied) to 5 (very satisfied)', { field: 'levels' });
    byKey.set(criterion, level);
  }
  const missing = criteria.filter((c) => !byKey.has(c.key)).map((c) => c.key);
  if (missing.length) throw badInput(`Score every criterion; missing: ${missing.join(', ')}`, { field: 'levels' });
  return criteria.map((c) => byKey.get(c.key)!);
}

/** The eligibility rules of issue 6; facts owned elsewhere are asked through the gateway. */
async function checkEligible(services: ServiceClient, scope: string[], kind: TargetKind, targetId: string, communityId: string): Promise<void> {
  if (scope.length > 0 && !scope.includes(communityId)) throw forbidden('Your community is not in the scope of this campaign');
  if (kind === 'STREET') {
    const street = await streetOf(services, communityId);
    if (street !== targetId) throw forbidden("A street is scored only by representatives of its own communities");
  } else if (kind === 'STAFF') {
    const communities = await staffCommunities(services, targetId);
    if (!communities?.includes(communityId)) throw forbidden('A staff member is scored only by representatives of the communities they are assigned to');
  }
}

const maxCommentLength = 500;

export const isUniqueViolation = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';

export type Voter = { personId: string; communityId: string };
export type OpenCampaign = Campaign & { criteria: Criterion[]; targets: CampaignTarget[] };

/** One ballot as asked, before any rule was checked. */
export interface BallotAsk {
  targetId: string;
  levels: CastInput['levels'];
  comment?: string | null;
}

/** A ballot whose own content passed the rules (the campaign's status is checked when written). */
export interface CheckedBallot {
  target: CampaignTarget;
  levels: number[];
  comment: string | null;
}

export const voterOf = representative;

export function checkIdempotencyKey(idem: string | null): void {
  if (idem !== null && (idem.length < 8 || idem.length > 200)) throw badInput('An idempotency key has 8 to 200 characters', { field: 'idempotencyKey' });
}

export async function loadCampaign(ctx: Context, campaignId: string): Promise<OpenCampaign> {
  const campaign = await ctx.prisma.campaign.findUnique({
    where: { id: campaignId },
    include: { criteria: { orderBy: { position: 'asc' } }, targets: { orderBy: { position: 'asc' } } },
  });
  if (!campaign) throw notFound('Campaign', campaignId);
  return campaign;
}

/** The checks that need no other subgraph: comment, levels, and what is hashed for retries. */
export function normalise(campaign: OpenCampaign, ask: BallotAsk): { levels: number[]; comment: string | null; target: CampaignTarget | undefined } {
  const comment = ask.comment?.trim() ? anonymise(ask.comment) : null;
  if (ask.comment && ask.comment.length > maxCommentLength) throw badInput(`A comment has at most ${maxCommentLength} characters`, { field: 'comment' });
  const levels = orderedLevels(campaign.criteria, ask.levels);
  return { levels, comment, target: campaign.targets.find((t) => t.targetId === ask.targetId) };
}

export const requireOpen = (campaign: OpenCampaign) => {
  if (campaign.status !== 'OPEN') throw conflict(`Campaign ${campaign.id} is ${campaign.status}: ballots are accepted only while it is OPEN`);
};

/** The target and who may score it (eligibility, issue 6); the caller checked the register once. */
export async function checkTarget(ctx: Context, campaign: OpenCampaign, voter: Voter, targetId: string, target: CampaignTarget | undefined): Promise<CampaignTarget> {
  if (!target) throw badInput(`${targetId} is not a target of this campaign`, { field: 'targetId' });
  await checkEligible(ctx.services, campaign.scopeCommunityIds, target.kind, target.targetId, voter.communityId);
  return target;
}

export const requireRegistered = (ctx: Context, voter: Voter) => requireRegisteredRepresentative(ctx.services, voter);

/**
 * The status check and the revision bump are one statement, and it takes the campaign's row: from
 * here on ballots on one campaign are applied one at a time, and a ballot racing a close either
 * lands before it (and is counted in the rectification cases) or is rejected.
 */
export async function lockOpenCampaign(tx: Tx, campaignId: string): Promise<number> {
  const bumped = await tx.campaign.updateManyAndReturn({ where: { id: campaignId, status: 'OPEN' }, data: { revision: { increment: 1 } }, select: { revision: true } });
  if (bumped.length === 0) throw conflict(`Campaign ${campaignId} is no longer OPEN`);
  return bumped[0]!.revision;
}

/**
 * Stores checked ballots of one voter (each new, or replacing the voter's earlier one on its
 * target) and moves each target's tally. The earlier ballots are found in one statement and the
 * new ones created in one: a sheet costs a few statements plus one tally statement per ballot.
 */
export async function storeBallots(tx: Tx, campaign: OpenCampaign, voter: Voter, ballots: readonly CheckedBallot[], revision: number): Promise<{ replacedPrevious: boolean; live: ChangeOutcome }[]> {
  const keys = ballots.map((b) => voterKey(campaign.id, voter.personId, b.target.targetId));
  const previous = new Map((await tx.ballot.findMany({ where: { voterKey: { in: keys } }, select: { id: true, voterKey: true, levels: true } })).map((p) => [p.voterKey, p]));
  const rows = ballots.map((ballot, i) => ({ ballot, key: keys[i]!, previous: previous.get(keys[i]!), id: previous.get(keys[i]!)?.id ?? randomUUID() }));
  const fresh = rows.filter((r) => !r.previous);
  if (fresh.length > 0) {
    await tx.ballot.createMany({
      data: fresh.map((r) => ({ id: r.id, campaignId: campaign.id, targetId: r.ballot.target.targetId, voterKey: r.key, levels: r.ballot.levels, comment: r.ballot.comment, communityId: voter.communityId })),
    });
  }
  const out = [];
  for (const r of rows) {
    if (r.previous) await tx.ballot.update({ where: { id: r.id }, data: { levels: r.ballot.levels, comment: r.ballot.comment, communityId: voter.communityId } });
    const live = await recordBallotChange(tx, campaign, r.ballot.target.targetId, { ballotId: r.id, levels: r.ballot.levels, previousLevels: r.previous?.levels ?? null }, revision);
    out.push({ replacedPrevious: r.previous !== undefined, live });
  }
  return out;
}

export const txOptions = { maxWait: 30_000, timeout: 20_000 };

export async function castBallot(ctx: Context, input: CastInput): Promise<Cast> {
  const voter = representative(ctx.caller);
  const idem = input.idempotencyKey ?? null;
  checkIdempotencyKey(idem);
  const campaign = await loadCampaign(ctx, input.campaignId);
  const { levels, comment, target } = normalise(campaign, input);
  const fingerprint = payloadHash({ t: input.targetId, levels, comment });
  const requestKey = idem === null ? null : castRequestKey(campaign.id, voter.personId, idem);
  const unchanged: ChangeOutcome = { released: false, changed: [] };

  // A retry of a request already applied has no further effect, whatever happened since.
  const earlier = async (): Promise<Cast | null> => {
    if (requestKey === null || !target) return null;
    const done = await ctx.prisma.castRequest.findUnique({ where: { keyHash: requestKey } });
    if (!done) return null;
    if (done.payloadHash !== fingerprint) throw conflict('This idempotency key was already used for a different ballot', { field: 'idempotencyKey' });
    return { receipt: { campaignId: campaign.id, targetId: target.targetId, targetKind: target.kind, replacedPrevious: done.replaced }, live: unchanged };
  };
  const retried = await earlier();
  if (retried) return retried;

  requireOpen(campaign);
  if (!target) throw badInput(`${input.targetId} is not a target of this campaign`, { field: 'targetId' });
  // The token says who and for which community; committees' register says whether that is so.
  await requireRegistered(ctx, voter);
  await checkTarget(ctx, campaign, voter, input.targetId, target);

  const write = () =>
    ctx.prisma.$transaction(async (tx) => {
      const revision = await lockOpenCampaign(tx, campaign.id);
      const [stored] = await storeBallots(tx, campaign, voter, [{ target, levels, comment }], revision);
      // A concurrent twin of this request fails here on its key, and its whole transaction with it.
      if (requestKey !== null) await tx.castRequest.create({ data: { keyHash: requestKey, payloadHash: fingerprint, replaced: stored!.replacedPrevious } });
      return stored!;
    }, txOptions);
  for (let attempt = 1; ; attempt++) {
    try {
      const { replacedPrevious, live } = await write();
      return { receipt: { campaignId: campaign.id, targetId: target.targetId, targetKind: target.kind, replacedPrevious }, live };
    } catch (err) {
      if (!isUniqueViolation(err) || attempt >= 3) throw err;
      // The same request applied concurrently: answer as the retry it is.
      const concurrent = await earlier();
      if (concurrent) return concurrent;
    }
  }
}
