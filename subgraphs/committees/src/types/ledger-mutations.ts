import { badInput, check, conflict, districtToday, isUniqueViolation, notFound, requireService, rules } from '@shequ/kit';
import { managerRoles } from '../access.js';
import { builder } from '../builder.js';
import { bookOnce } from '../ledger/book-once.js';
import { appendEntry, incomeCategories, requireAmount } from '../ledger/post.js';
import { fundedTask, requireAcceptedTask } from '../ledger/task-funding.js';
import { lockedWrite } from '../transactions.js';
import { LedgerCategoryEnum } from './enums.js';

const RecordInput = builder.inputType('RecordLedgerEntryInput', {
  fields: (t) => ({
    communityId: t.id({ required: true }),
    category: t.field({
      type: LedgerCategoryEnum,
      required: true,
      description: 'An income category other than TASK_FUNDING (that arrives with its task), or SPENDING',
    }),
    amountFen: t.field({ type: 'Fen', required: true, description: 'Positive; spending is recorded as a negative amount' }),
    source: t.string({ required: true }),
    purpose: t.string({ required: true }),
    occurredOn: t.field({ type: 'Date', required: true, description: 'Not in the future' }),
    reference: t.string(),
  }),
});

const ReverseInput = builder.inputType('ReverseLedgerEntryInput', {
  fields: (t) => ({ entryId: t.id({ required: true }), reason: t.string({ required: true }) }),
});

const contributionPrefix = 'contribution:';

const TransferInput = builder.inputType('RecordFundTransferInput', {
  description: "Funding that follows a delegated task (费随事转), delivered by the departments subgraph's outbox",
  fields: (t) => ({
    eventId: t.id({ required: true, description: 'Idempotency key: a repeated eventId returns the first entry and changes nothing' }),
    communityId: t.id({ required: true }),
    amountFen: t.field({ type: 'Fen', required: true }),
    source: t.string({ required: true }),
    purpose: t.string({ required: true }),
    reference: t.string({
      description: 'delegated-task:<task id>: the task funded, checked with departments (accepted by this community, at this amount, under this eventId)',
    }),
  }),
});

const DonationInput = builder.inputType('RecordDonationInput', {
  description: "A co-construction unit's money contribution (共驻共建), delivered by the party subgraph's outbox",
  fields: (t) => ({
    eventId: t.id({ required: true, description: 'Idempotency key: a repeated eventId returns the first entry and changes nothing' }),
    communityId: t.id({ required: true }),
    amountFen: t.field({ type: 'Fen', required: true }),
    donor: t.string({ required: true, description: "The unit's name" }),
    purpose: t.string({ required: true }),
    occurredOn: t.field({ type: 'Date', required: true, description: 'The day it was given; not in the future' }),
    reference: t.string({ required: true, description: `${contributionPrefix}<contribution id>: the contribution in the party subgraph` }),
  }),
});

const today = () => districtToday();

builder.mutationFields((t) => ({
  recordLedgerEntry: t.prismaField({
    type: 'LedgerEntry',
    description: 'Appends income or spending; CONFLICT when a spending exceeds the balance',
    authScopes: { role: managerRoles },
    args: { input: t.arg({ type: RecordInput, required: true }) },
    resolve: (_query, _root, { input }, ctx) => {
      const spending = input.category === 'SPENDING';
      if (!spending && (!incomeCategories.includes(input.category) || input.category === 'TASK_FUNDING')) {
        throw badInput(`${input.category} entries are not recorded by hand`, { field: 'category' });
      }
      requireAmount(input.amountFen);
      const occurredOn = new Date(input.occurredOn);
      if (occurredOn.getTime() > today().getTime()) throw badInput('occurredOn cannot be in the future', { field: 'occurredOn' });
      const entry = {
        category: input.category,
        amountFen: spending ? -input.amountFen : input.amountFen,
        source: check(rules.text(), input.source, 'source'),
        purpose: check(rules.text(500), input.purpose, 'purpose'),
        occurredOn,
        reference: input.reference ? check(rules.text(), input.reference, 'reference') : null,
        recordedBy: ctx.caller.subject,
      };
      return lockedWrite(ctx, 'Community', input.communityId, (tx, communityId) => appendEntry(tx, { ...entry, communityId }));
    },
  }),
  reverseLedgerEntry: t.prismaField({
    type: 'LedgerEntry',
    description: 'Corrects an entry by appending its negation; an entry is reversed at most once and a reversal is never reversed (CONFLICT)',
    authScopes: { role: managerRoles },
    args: { input: t.arg({ type: ReverseInput, required: true }) },
    resolve: async (_query, _root, { input }, ctx) => {
      const reason = check(rules.text(500), input.reason, 'reason');
      const original = await ctx.prisma.ledgerEntry.findUnique({ where: { id: input.entryId } });
      if (!original) throw notFound('Ledger entry', input.entryId);
      if (original.category === 'REVERSAL') throw conflict('A reversal cannot itself be reversed; record a new entry instead');
      try {
        return await lockedWrite(ctx, 'Community', original.communityId, async (tx, communityId) => {
          if (await tx.ledgerEntry.count({ where: { reversesId: original.id } })) throw conflict('This entry has already been reversed');
          return appendEntry(tx, {
            communityId,
            category: 'REVERSAL',
            amountFen: -original.amountFen,
            source: original.source,
            purpose: reason,
            occurredOn: today(),
            reference: original.reference,
            reversesId: original.id,
            recordedBy: ctx.caller.subject,
          });
        });
      } catch (err) {
        if (isUniqueViolation(err, 'reversesId')) throw conflict('This entry has already been reversed');
        throw err;
      }
    },
  }),
  recordFundTransfer: t.prismaField({
    type: 'LedgerEntry',
    description:
      'Books the funding of a delegated task as TASK_FUNDING income, on the day the task was accepted. Only the departments subgraph, and only for a task departments shows accepted by this community at this amount (else FORBIDDEN). ' +
      'Idempotent by eventId, also under concurrent duplicates',
    authScopes: { role: 'SERVICE' },
    args: { input: t.arg({ type: TransferInput, required: true }) },
    resolve: (_query, _root, { input }, ctx) => {
      requireService(ctx.caller, 'departments', 'books the funding of a delegated task');
      const eventId = check(rules.text(), input.eventId, 'eventId');
      requireAmount(input.amountFen);
      fundedTask(input.reference);
      const entry = {
        eventId,
        communityId: input.communityId,
        category: 'TASK_FUNDING' as const,
        amountFen: input.amountFen,
        source: check(rules.text(), input.source, 'source'),
        purpose: check(rules.text(500), input.purpose, 'purpose'),
        occurredOn: districtToday(),
        reference: input.reference ? check(rules.text(), input.reference, 'reference') : null,
        recordedBy: ctx.caller.subject,
      };
      return bookOnce(ctx, entry, async () => ({
        occurredOn: await requireAcceptedTask(ctx, { eventId, communityId: input.communityId, amountFen: input.amountFen, reference: input.reference }),
      }));
    },
  }),
  recordDonation: t.prismaField({
    type: 'LedgerEntry',
    description:
      "Books a jurisdiction unit's money contribution as DONATION income on the day it was given. Only the party subgraph, which keeps the contributions (else FORBIDDEN). " +
      'Idempotent by eventId, also under concurrent duplicates',
    authScopes: { role: 'SERVICE' },
    args: { input: t.arg({ type: DonationInput, required: true }) },
    resolve: (_query, _root, { input }, ctx) => {
      requireService(ctx.caller, 'party', 'books the donations of co-construction units');
      requireAmount(input.amountFen);
      const occurredOn = new Date(input.occurredOn);
      if (occurredOn.getTime() > districtToday().getTime()) throw badInput('occurredOn cannot be in the future', { field: 'occurredOn' });
      const reference = check(rules.text(), input.reference, 'reference');
      if (!reference.startsWith(contributionPrefix))
        throw badInput(`A donation names the contribution it books: reference "${contributionPrefix}<contribution id>"`, { field: 'reference' });
      return bookOnce(ctx, {
        eventId: check(rules.text(), input.eventId, 'eventId'),
        communityId: input.communityId,
        category: 'DONATION',
        amountFen: input.amountFen,
        source: check(rules.text(), input.donor, 'donor'),
        purpose: check(rules.text(500), input.purpose, 'purpose'),
        occurredOn,
        reference,
        recordedBy: ctx.caller.subject,
      });
    },
  }),
}));
