// Casting a ballot: who may score what, one ballot per (campaign, representative, target) that
// a later cast replaces while the campaign is OPEN, and idempotent retries. Nothing here logs or
// returns who cast which ballot.
import { randomUUID } from 'node:crypto';
import {
  anonymise,
  badInput,
  check,
  conflict,
  forbidden,
  isUniqueViolation,
  notFound,
  rules,
  type Caller,
  type ServiceClient,
  unauthenticated,
} from '@shequ/kit';
import type { Context } from '../builder.js';
import { Prisma, type Campaign, type CampaignTarget, type Criterion } from '../generated/prisma/client.js';

type Tx = Prisma.TransactionClient;
import { ballotKeys, type BallotKeys } from './ballot-key.js';
import { requireRegisteredRepresentative, staffCommunities, streetOf } from './facts.js';
import { recordBallotChanges, type BallotChange, type ChangeOutcome } from './release.js';
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
    if (street !== targetId) throw forbidden('A street is scored only by representatives of its own communities');
  } else if (kind === 'STAFF') {
    const communities = await staffCommunities(services, targetId);
    if (!communities?.includes(communityId)) throw forbidden('A staff member is scored only by representatives of the communities they are assigned to');
  }
}

const maxCommentLength = 500;

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
  if (idem !== null) check(rules.idempotencyKey, idem, 'idempotencyKey');
}

/**
 * An OPEN campaign's definition (criteria, targets, minimum, scope) cannot change any more
 * (updateCampaign edits drafts only), so casting reads it at most every CAMPAIGN_TTL_MS per
 * database; its status is checked again under the row's share lock in every ballot's transaction.
 */
const CAMPAIGN_TTL_MS = 2_000;
const openCampaigns = new WeakMap<object, Map<string, { campaign: Promise<OpenCampaign | null>; until: number }>>();

export async function loadCampaign(ctx: Context, campaignId: string): Promise<OpenCampaign> {
  let byId = openCampaigns.get(ctx.prisma);
  if (!byId) openCampaigns.set(ctx.prisma, (byId = new Map()));
  const hit = byId.get(campaignId);
  let campaign = hit && hit.until > Date.now() ? await hit.campaign : null;
  if (!campaign) {
    const read = ctx.prisma.campaign.findUnique({
      where: { id: campaignId },
      include: { criteria: { orderBy: { position: 'asc' } }, targets: { orderBy: { position: 'asc' } } },
    });
    byId.set(campaignId, { campaign: read, until: Date.now() + CAMPAIGN_TTL_MS });
    campaign = await read.catch((err) => {
      byId.delete(campaignId);
      throw err;
    });
    if (campaign?.status !== 'OPEN') byId.delete(campaignId);
  }
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
export async function checkTarget(
  ctx: Context,
  campaign: OpenCampaign,
  voter: Voter,
  targetId: string,
  target: CampaignTarget | undefined,
): Promise<CampaignTarget> {
  if (!target) throw badInput(`${targetId} is not a target of this campaign`, { field: 'targetId' });
  await checkEligible(ctx.services, campaign.scopeCommunityIds, target.kind, target.targetId, voter.communityId);
  return target;
}

export const requireRegistered = (ctx: Context, voter: Voter) => requireRegisteredRepresentative(ctx.services, voter);

/**
 * The status check takes the campaign's row in share mode and writes nothing: ballots on one
 * campaign run side by side. Closing a campaign updates that row, so it waits for the ballots in
 * flight, and a ballot arriving meanwhile waits for the close and then finds the campaign no longer
 * OPEN: a ballot racing a close either lands before it (and is counted in the rectification cases)
 * or is rejected.
 */
export async function lockOpenCampaign(tx: Tx, campaignId: string): Promise<void> {
  const open = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Campaign" WHERE "id" = ${campaignId} AND "status" = 'OPEN' FOR SHARE`;
  if (open.length === 0) throw conflict(`Campaign ${campaignId} is no longer OPEN`);
}

export interface StoredBallots {
  /** Per ballot, in the order given: whether it replaced the voter's earlier one. */
  replacedPrevious: boolean[];
  /** What to move in the tallies (recordBallotChanges). */
  changes: BallotChange[];
}

/**
 * Stores checked ballots of one voter (each new, or replacing the voter's earlier one on its
 * target): the earlier ballots are found (and locked) in one statement, the new ones created in
 * one, the replaced ones rewritten in one. The lock makes a concurrent sheet of the same voter
 * wait and then read the levels this one left; two first ballots of one voter on one target race
 * on the unique voterKey, and the loser's whole transaction is retried (castBallot, castBallotSheet).
 */
export async function storeBallots(
  tx: Tx,
  campaign: OpenCampaign,
  voter: Voter,
  ballots: readonly CheckedBallot[],
  { voterKey }: BallotKeys,
): Promise<StoredBallots> {
  const keys = ballots.map((b) => voterKey(campaign.id, voter.personId, b.target.targetId));
  const found = await tx.$queryRaw<{ id: string; voterKey: string; levels: number[] }[]>`
    SELECT "id", "voterKey", "levels" FROM "Ballot" WHERE "voterKey" = ANY (${keys}::text[]) ORDER BY "voterKey" FOR UPDATE`;
  const previous = new Map(found.map((p) => [p.voterKey, p]));
  const rows = ballots.map((ballot, i) => ({ ballot, key: keys[i]!, previous: previous.get(keys[i]!), id: previous.get(keys[i]!)?.id ?? randomUUID() }));
  const fresh = rows.filter((r) => !r.previous).sort((a, b) => (a.key < b.key ? -1 : 1));
  if (fresh.length > 0) {
    await tx.ballot.createMany({
      data: fresh.map((r) => ({
        id: r.id,
        campaignId: campaign.id,
        targetId: r.ballot.target.targetId,
        voterKey: r.key,
        levels: r.ballot.levels,
        comment: r.ballot.comment,
        communityId: voter.communityId,
      })),
    });
  }
  const replaced = rows.filter((r) => r.previous);
  if (replaced.length > 0) {
    const ids = replaced.map((r) => r.id);
    const levels = replaced.map((r) => `{${r.ballot.levels.join(',')}}`);
    const comments = replaced.map((r) => r.ballot.comment);
    await tx.$executeRaw`
      UPDATE "Ballot" AS b SET "levels" = v.l::int[], "comment" = v.c, "communityId" = ${voter.communityId}
      FROM unnest(${ids}::text[], ${levels}::text[], ${comments}::text[]) AS v(id, l, c) WHERE b."id" = v.id`;
  }
  return {
    replacedPrevious: rows.map((r) => r.previous !== undefined),
    changes: rows.map((r) => ({ targetId: r.ballot.target.targetId, ballotId: r.id, levels: r.ballot.levels, previousLevels: r.previous?.levels ?? null })),
  };
}

/**
 * Whether a failed write may be tried again as it is: a first ballot of the same voter racing on
 * its voterKey (or the same request on its key, which the retry then answers as applied), or
 * PostgreSQL giving up on a lock wait.
 */
export function isRetryableWrite(err: unknown): boolean {
  if (isUniqueViolation(err)) return true;
  const text = err instanceof Error ? err.message : '';
  return (
    /\b(23505|40P01|40001)\b|deadlock detected|could not serialize/.test(text) || (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2034')
  );
}

export const txOptions = { maxWait: 30_000, timeout: 20_000 };

/**
 * A ballot's write, tried up to three times while it fails for a reason a retry can lift; a
 * request that fails for any reason (its checks included) but was applied earlier or concurrently
 * under the same key is answered as counted: a voter whose request failed learns that it did.
 */
export async function writtenOnce<T>(attempt: (write: (fn: () => Promise<T>) => Promise<T>) => Promise<T>, earlier: () => Promise<T | null>): Promise<T> {
  const retried = async (fn: () => Promise<T>): Promise<T> => {
    for (let n = 1; ; n++) {
      try {
        return await fn();
      } catch (err) {
        if (!isRetryableWrite(err) || n >= 3) throw err;
        const concurrent = await earlier();
        if (concurrent) return concurrent;
      }
    }
  };
  try {
    return await attempt(retried);
  } catch (err) {
    const applied = await earlier();
    if (applied) return applied;
    throw err;
  }
}

export async function castBallot(ctx: Context, input: CastInput): Promise<Cast> {
  const voter = representative(ctx.caller);
  const idem = input.idempotencyKey ?? null;
  checkIdempotencyKey(idem);
  const campaign = await loadCampaign(ctx, input.campaignId);
  const { levels, comment, target } = normalise(campaign, input);
  const ballotKey = ballotKeys(ctx);
  const { payloadHash, castRequestKey } = ballotKey;
  const fingerprint = payloadHash({ t: input.targetId, levels, comment });
  const requestKey = idem === null ? null : castRequestKey(campaign.id, voter.personId, idem);
  const unchanged: ChangeOutcome = { released: false, changed: [] };

  // A retry of a request already applied has no further effect, whatever happened since. It is
  // asked only when this attempt fails (the request's row exists, or the campaign closed, or the
  // voter left the register meanwhile…): a first attempt costs no statement for it.
  const earlier = async (): Promise<Cast | null> => {
    if (requestKey === null || !target) return null;
    const done = await ctx.prisma.castRequest.findUnique({ where: { keyHash: requestKey } });
    if (!done) return null;
    if (done.payloadHash !== fingerprint) throw conflict('This idempotency key was already used for a different ballot', { field: 'idempotencyKey' });
    return { receipt: { campaignId: campaign.id, targetId: target.targetId, targetKind: target.kind, replacedPrevious: done.replaced }, live: unchanged };
  };

  const write = async (target: CampaignTarget) =>
    ctx.prisma.$transaction(async (tx) => {
      await lockOpenCampaign(tx, campaign.id);
      const stored = await storeBallots(tx, campaign, voter, [{ target, levels, comment }], ballotKey);
      const replacedPrevious = stored.replacedPrevious[0]!;
      // A concurrent twin of this request fails here on its key, and its whole transaction with it.
      if (requestKey !== null) await tx.castRequest.create({ data: { keyHash: requestKey, payloadHash: fingerprint, replaced: replacedPrevious } });
      // The tallies last: their rows are held from here to the commit only.
      const live = await recordBallotChanges(tx, campaign, stored.changes);
      return { replacedPrevious, live };
    }, txOptions);
  return writtenOnce(async (retried) => {
    requireOpen(campaign);
    if (!target) throw badInput(`${input.targetId} is not a target of this campaign`, { field: 'targetId' });
    // The token says who and for which community; committees' register says whether that is so.
    await requireRegistered(ctx, voter);
    await checkTarget(ctx, campaign, voter, input.targetId, target);
    return retried(async () => {
      const { replacedPrevious, live } = await write(target);
      return { receipt: { campaignId: campaign.id, targetId: target.targetId, targetKind: target.kind, replacedPrevious }, live };
    });
  }, earlier);
}
