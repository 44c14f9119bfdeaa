// A ballot sheet: one representative's ballots on many targets of one campaign, in one transaction.
// Every ballot passes exactly the rules of castBallot (cast.ts: the same functions), and the sheet
// is all or nothing: the first bad ballot fails it, naming the ballot, and nothing is stored.
// The idempotency key is required: a voter whose request failed in flight learns whether it
// counted by sending it again (same key and sheet: the same receipts, counted once; same key and a
// different sheet: CONFLICT).
import { badInput, clientError, conflict, type ErrorCode } from '@shequ/kit';
import { GraphQLError } from 'graphql';
import type { Context } from '../builder.js';
import { ballotKeys } from './ballot-key.js';
import { recordBallotChanges } from './release.js';
import {
  checkIdempotencyKey,
  checkTarget,
  loadCampaign,
  lockOpenCampaign,
  normalise,
  requireOpen,
  requireRegistered,
  storeBallots,
  txOptions,
  voterOf,
  writtenOnce,
  type BallotAsk,
  type CheckedBallot,
  type Receipt,
} from './cast.js';

export interface SheetInput {
  campaignId: string;
  idempotencyKey: string;
  ballots: BallotAsk[];
}

export interface SheetCast {
  receipts: Receipt[];
  /** Targets whose live result changed (none for a retry already applied). */
  changed: string[];
}

/** A sheet holds at most this many ballots: a campaign's targets fit, a runaway client does not. */
export const maxSheetBallots = 200;

/** Runs one ballot's check; its error names the ballot (position and target). */
async function atBallot<T>(index: number, targetId: string, check: () => T | Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (err) {
    if (!(err instanceof GraphQLError)) throw err;
    const { code, ...rest } = err.extensions as { code: ErrorCode };
    throw clientError(code, `Ballot ${index + 1} (${targetId}): ${err.message}`, { ...rest, ballot: index, targetId });
  }
}

export async function castBallotSheet(ctx: Context, input: SheetInput): Promise<SheetCast> {
  const voter = voterOf(ctx.caller);
  checkIdempotencyKey(input.idempotencyKey);
  if (input.ballots.length === 0) throw badInput('A ballot sheet has at least one ballot', { field: 'ballots' });
  if (input.ballots.length > maxSheetBallots) throw badInput(`A ballot sheet has at most ${maxSheetBallots} ballots`, { field: 'ballots' });
  const campaign = await loadCampaign(ctx, input.campaignId);
  const seen = new Set<string>();
  const asked: ReturnType<typeof normalise>[] = [];
  for (const [i, ask] of input.ballots.entries()) {
    if (seen.has(ask.targetId))
      throw badInput(`Ballot ${i + 1} (${ask.targetId}): the sheet scores this target twice`, { field: 'ballots', ballot: i, targetId: ask.targetId });
    seen.add(ask.targetId);
    asked.push(await atBallot(i, ask.targetId, () => normalise(campaign, ask)));
  }
  const ballotKey = ballotKeys(ctx);
  const { payloadHash, sheetItemKey, sheetRequestKey } = ballotKey;
  const fingerprint = payloadHash(input.ballots.map((b, i) => ({ t: b.targetId, levels: asked[i]!.levels, comment: asked[i]!.comment })));
  const requestKey = sheetRequestKey(campaign.id, voter.personId, input.idempotencyKey);
  const itemKey = (targetId: string) => sheetItemKey(campaign.id, voter.personId, input.idempotencyKey, targetId);

  // A retry of a sheet already applied has no further effect, whatever happened since. It is asked
  // only when this attempt fails (its row exists, the campaign closed, the voter left the
  // register…): a first attempt costs no statement for it.
  const earlier = async (): Promise<SheetCast | null> => {
    const done = await ctx.prisma.castRequest.findUnique({ where: { keyHash: requestKey } });
    if (!done) return null;
    if (done.payloadHash !== fingerprint) throw conflict('This idempotency key was already used for a different ballot sheet', { field: 'idempotencyKey' });
    const items = await ctx.prisma.castRequest.findMany({ where: { keyHash: { in: input.ballots.map((b) => itemKey(b.targetId)) } } });
    const replaced = new Map(items.map((r) => [r.keyHash, r.replaced]));
    const receipts = asked.map(({ target }, i) => ({
      campaignId: campaign.id,
      targetId: input.ballots[i]!.targetId,
      targetKind: target!.kind,
      replacedPrevious: replaced.get(itemKey(input.ballots[i]!.targetId)) ?? false,
    }));
    return { receipts, changed: [] };
  };

  const write = (checked: CheckedBallot[]) =>
    ctx.prisma.$transaction(async (tx) => {
      await lockOpenCampaign(tx, campaign.id);
      const stored = await storeBallots(tx, campaign, voter, checked, ballotKey);
      const receipts: Receipt[] = checked.map((b, i) => ({
        campaignId: campaign.id,
        targetId: b.target.targetId,
        targetKind: b.target.kind,
        replacedPrevious: stored.replacedPrevious[i]!,
      }));
      // The sheet's row and its ballots' answers in one statement: a concurrent twin of this
      // request fails on it (after waiting for this one), before it moves any tally.
      await tx.castRequest.createMany({
        data: [
          { keyHash: requestKey, payloadHash: fingerprint, replaced: false },
          ...receipts.map((r) => ({ keyHash: itemKey(r.targetId), payloadHash: fingerprint, replaced: r.replacedPrevious })),
        ],
      });
      // The tallies last: their rows are held from here to the commit only.
      const live = await recordBallotChanges(tx, campaign, stored.changes);
      return { receipts, changed: live.changed };
    }, txOptions);
  return writtenOnce(async (retried) => {
    requireOpen(campaign);
    await requireRegistered(ctx, voter);
    const checked: CheckedBallot[] = [];
    for (const [i, { levels, comment, target }] of asked.entries()) {
      const targetId = input.ballots[i]!.targetId;
      checked.push({ target: await atBallot(i, targetId, () => checkTarget(ctx, campaign, voter, targetId, target)), levels, comment });
    }
    return retried(() => write(checked));
  }, earlier);
}
