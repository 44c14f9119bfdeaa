import { builder } from '../builder.js';
import { castBallot, type Receipt } from '../domain/cast.js';
import { castBallotSheet, maxSheetBallots } from '../domain/cast-sheet.js';
import { announceBallot } from '../domain/live.js';
import { Campaign } from './campaign.js';
import { campaignLoader } from '../loaders.js';
import { TargetKindEnum } from './refs.js';

const LevelInput = builder.inputType('BallotLevelInput', {
  fields: (t) => ({
    criterion: t.string({ required: true, description: 'The criterion key' }),
    level: t.int({ required: true, description: '5 very satisfied, 4 satisfied, 3 basically satisfied, 2 dissatisfied, 1 very dissatisfied' }),
  }),
});

const BallotReceipt = builder.objectRef<Receipt>('BallotReceipt').implement({
  description: 'Proof that a ballot was accepted; it never says what it contained',
  fields: (t) => ({
    campaign: t.field({ type: Campaign, nullable: true, resolve: (r, _args, ctx) => campaignLoader(ctx).load(r.campaignId) }),
    targetId: t.exposeID('targetId'),
    targetKind: t.field({ type: TargetKindEnum, resolve: (r) => r.targetKind }),
    replacedPrevious: t.exposeBoolean('replacedPrevious', { description: 'Your earlier ballot on this target was replaced' }),
  }),
});

builder.mutationField('castBallot', (t) =>
  t.field({
    type: BallotReceipt,
    description:
      'A representative scores one target on every criterion (REPRESENTATIVE token with communityId and personId). ' +
      'Casting again while the campaign is OPEN replaces the earlier ballot; a retry with the same idempotencyKey has no further effect.',
    args: {
      campaignId: t.arg.id({ required: true }),
      targetId: t.arg.id({ required: true }),
      levels: t.arg({ type: [LevelInput], required: true }),
      comment: t.arg.string({ description: 'Optional; shown only anonymised, in aggregate lists' }),
      idempotencyKey: t.arg.string({ description: 'Any unique string per intended ballot (8–200 letters, digits or _.:-), for safe retries' }),
    },
    resolve: async (_root, args, ctx) => {
      const { receipt, live } = await castBallot(ctx, args);
      announceBallot(ctx, receipt.campaignId, live.changed);
      return receipt;
    },
  }),
);

const SheetBallotInput = builder.inputType('BallotSheetBallotInput', {
  description: 'One ballot of a sheet: the arguments of castBallot for one target',
  fields: (t) => ({
    targetId: t.id({ required: true }),
    levels: t.field({ type: [LevelInput], required: true }),
    comment: t.string({ description: 'Optional; shown only anonymised, in aggregate lists' }),
  }),
});

builder.mutationField('castBallotSheet', (t) =>
  t.field({
    type: [BallotReceipt],
    description:
      `A representative's ballots on many targets of one campaign (at most ${maxSheetBallots}), each under exactly the rules of castBallot, ` +
      'all or nothing: a bad ballot fails the sheet (the error names it) and nothing is stored. ' +
      'A retry with the same idempotencyKey and sheet returns the same receipts and counts nothing twice; the same key with a different sheet is a CONFLICT.',
    args: {
      campaignId: t.arg.id({ required: true }),
      ballots: t.arg({ type: [SheetBallotInput], required: true }),
      idempotencyKey: t.arg.string({ required: true, description: 'Any unique string per intended sheet (8–200 letters, digits or _.:-), for safe retries' }),
    },
    resolve: async (_root, args, ctx) => {
      const { receipts, changed } = await castBallotSheet(ctx, {
        ...args,
        campaignId: String(args.campaignId),
        ballots: args.ballots.map((b) => ({ ...b, targetId: String(b.targetId) })),
      });
      if (receipts.length > 0) announceBallot(ctx, receipts[0]!.campaignId, changed);
      return receipts;
    },
  }),
);
