// Casting a ballot: who may score what, one ballot per (campaign, representative, target) that
// a later cast replaces while the campaign is OPEN, and idempotent retries. Nothing here logs or
// returns who cast which ballot.
import { randomUUID } from 'node:crypto';
import { anonymise, badInput, conflict, forbidden, notFound, unauthenticated, type Caller, type ServiceClient } from '@shequ/kit';
import type { Context } from '../builder.js';
import { Prisma } from '../generated/prisma/client.js';
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

const txOptions = { maxWait: 30_000, timeout: 20_000 };

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

const isUniqueViolation = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';

export async function castBallot(ctx: Context, input: CastInput): Promise<Cast> {
  const voter = representative(ctx.caller);
  const comment = input.comment?.trim() ? anonymise(input.comment) : null;
  if (input.comment && input.comment.length > maxCommentLength) throw badInput(`A comment has at most ${maxCommentLength} characters`, { field: 'comment' });
  const idem = input.idempotencyKey ?? null;
  if (idem !== null && (idem.length < 8 || idem.length > 200)) throw badInput('An idempotency key has 8 to 200 characters', { field: 'idempotencyKey' });

  const campaign = await ctx.prisma.campaign.findUnique({
    where: { id: input.campaignId },
    include: { criteria: { orderBy: { position: 'asc' } }, targets: { orderBy: { position: 'asc' } } },
  });
  if (!campaign) throw notFound('Campaign', input.campaignId);
  const levels = orderedLevels(campaign.criteria, input.levels);
  const target = campaign.targets.find((t) => t.targetId === input.targetId);
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

  if (campaign.status !== 'OPEN') throw conflict(`Campaign ${campaign.id} is ${campaign.status}: ballots are accepted only while it is OPEN`);
  if (!target) throw badInput(`${input.targetId} is not a target of this campaign`, { field: 'targetId' });
  // The token says who and for which community; committees' register says whether that is so.
  await requireRegisteredRepresentative(ctx.services, voter);
  await checkEligible(ctx.services, campaign.scopeCommunityIds, target.kind, target.targetId, voter.communityId);

  const key = voterKey(campaign.id, voter.personId, target.targetId);
  const write = () =>
    ctx.prisma.$transaction(async (tx) => {
      // The status check and the revision bump are one statement, and it takes the campaign's row:
      // from here on ballots on one campaign are applied one at a time, and a ballot racing a close
      // either lands before it (and is counted in the rectification cases) or is rejected.
      const bumped = await tx.campaign.updateManyAndReturn({ where: { id: campaign.id, status: 'OPEN' }, data: { revision: { increment: 1 } }, select: { revision: true } });
      if (bumped.length === 0) throw conflict(`Campaign ${campaign.id} is no longer OPEN`);
      const revision = bumped[0]!.revision;
      const previous = await tx.ballot.findUnique({ where: { voterKey: key }, select: { id: true, levels: true } });
      if (requestKey !== null) await tx.castRequest.create({ data: { keyHash: requestKey, payloadHash: fingerprint, replaced: previous !== null } });
      const row = { levels, comment, communityId: voter.communityId };
      const ballotId = previous?.id ?? randomUUID();
      if (previous) await tx.ballot.update({ where: { id: ballotId }, data: row });
      else await tx.ballot.create({ data: { id: ballotId, campaignId: campaign.id, targetId: target.targetId, voterKey: key, ...row } });
      const live = await recordBallotChange(tx, campaign, target.targetId, { ballotId, levels, previousLevels: previous?.levels ?? null }, revision);
      return { replacedPrevious: previous !== null, live };
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
