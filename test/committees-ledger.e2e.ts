// A community's funds ledger through the gateway: append-only entries, a balance that is always
// the sum of the entries (also under concurrent writes), reversals, and task funding delivered
// idempotently by the departments subgraph, for tasks departments shows accepted.
import type { TokenClaims } from '@shequ/kit';
import { describeOnEachDatabase, startTestFederation, type TestFederation } from '@shequ/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import committees from '../subgraphs/committees/src/index.js';
import type { DB } from '../subgraphs/committees/src/db.js';
import departments from '../subgraphs/departments/src/index.js';
import { departmentsDb, health, propose, proposal, step } from './departments-helpers.js';

// Departments without its outbox worker: its demo task funding would otherwise keep arriving in
// committees' ledgers (and SQL statement counts) while these tests run.
const quietDepartments = { ...departments, workers: undefined };

const record = 'mutation($input: RecordLedgerEntryInput!) { recordLedgerEntry(input: $input) { id category amountFen } }';
const reverse = 'mutation($input: ReverseLedgerEntryInput!) { reverseLedgerEntry(input: $input) { id category amountFen reverses { id } } }';
const transfer = 'mutation($input: RecordFundTransferInput!) { recordFundTransfer(input: $input) { id category amountFen reference } }';
const departmentsService: TokenClaims = { role: 'SERVICE', sub: 'service:departments' };

await describeOnEachDatabase('community funds', (database) => {
  let hub: TestFederation;
  let prisma: DB;
  beforeAll(async () => {
    hub = await startTestFederation({ subgraphs: [committees, quietDepartments], database });
    prisma = hub.subgraphs.committees!.db.prisma as DB;
  });
  afterAll(() => hub?.close());

  const staffOf = (communityId: string): TokenClaims => ({ role: 'COMMITTEE_STAFF', communityId, sub: `staff-${communityId}` });
  /** A task proposed and accepted in departments; its transfer stays in the outbox (no worker here) for the test to deliver. */
  const acceptedTransfer = async (communityId: string, budgetFen: number) => {
    const proposed = await hub.query(propose, { input: proposal({ communityId, budgetFen }) }, health);
    expect(proposed.errors).toBeUndefined();
    const id = proposed.data!.proposeDelegatedTask.id as string;
    expect((await hub.query(step('acceptDelegatedTask'), { id }, staffOf(communityId))).errors).toBeUndefined();
    const event = await departmentsDb(hub).outboxEvent.findUniqueOrThrow({ where: { id: `transfer-${id}` } });
    return event.payload as { eventId: string; communityId: string; amountFen: number; source: string; purpose: string; reference: string };
  };
  const balance = async (communityId: string) =>
    (await hub.query<{ community: { fundBalanceFen: number } }>('query($id: ID!) { community(id: $id) { fundBalanceFen } }', { id: communityId })).data!
      .community.fundBalanceFen;
  const sumInDatabase = async (communityId: string) =>
    (await prisma.ledgerEntry.aggregate({ where: { communityId }, _sum: { amountFen: true } }))._sum.amountFen ?? 0;
  const spend = (communityId: string, amountFen: number) => ({
    communityId,
    category: 'SPENDING',
    amountFen,
    source: '社区老年食堂',
    purpose: '助餐补贴',
    occurredOn: '2025-06-01',
  });

  it('keeps the balance equal to the sum of the entries under concurrent income, spending and transfers, and never overdrawn', async () => {
    const communityId = 'community-xinhua-05';
    const staff = staffOf(communityId);
    const start = await balance(communityId);
    expect(start).toBe(await sumInDatabase(communityId));
    expect(start).toBeGreaterThan(0);
    const bigSpend = Math.ceil(start / 3);
    const fundings = await Promise.all(Array.from({ length: 5 }, () => acceptedTransfer(communityId, 50_000)));
    const calls = [
      ...Array.from({ length: 8 }, (_, i) =>
        hub.query(
          record,
          { input: { communityId, category: 'DONATION', amountFen: 10_000 + i, source: '辖区单位', purpose: '公益捐赠', occurredOn: '2025-06-01' } },
          staff,
        ),
      ),
      ...Array.from({ length: 6 }, () => hub.query(record, { input: spend(communityId, bigSpend) }, staff)),
      // Five task fundings, each delivered twice at the same moment (an outbox retry racing the first attempt).
      ...Array.from({ length: 10 }, (_, i) => hub.query(transfer, { input: fundings[i % 5] }, departmentsService)),
    ];
    const results = await Promise.all(calls);
    for (const r of results) if (r.errors) expect(r.errors[0]!.extensions?.code).toBe('CONFLICT');
    const spent = results.slice(8, 14).filter((r) => !r.errors).length;
    const refused = results.slice(8, 14).filter((r) => r.errors?.[0]?.message.match(/Insufficient funds/)).length;
    expect(spent + refused).toBe(6);
    expect(results.slice(0, 8).every((r) => !r.errors)).toBe(true);
    expect(results.slice(14).every((r) => !r.errors)).toBe(true);
    // Both deliveries of one event answer with the same entry.
    const transferIds = results.slice(14).map((r) => r.data!.recordFundTransfer.id as string);
    for (let i = 0; i < 5; i++) expect(transferIds[i]).toBe(transferIds[i + 5]);
    expect(await prisma.ledgerEntry.count({ where: { eventId: { in: fundings.map((f) => f.eventId) } } })).toBe(5);

    const end = await balance(communityId);
    const incomes = Array.from({ length: 8 }, (_, i) => 10_000 + i).reduce((a, b) => a + b, 0);
    expect(end).toBe(start + incomes + 5 * 50_000 - spent * bigSpend);
    expect(end).toBe(await sumInDatabase(communityId));
    expect(end).toBeGreaterThanOrEqual(0);
    const listed = await hub.query<{ ledgerEntries: { edges: { node: { amountFen: number } }[] } }>(
      'query($id: ID!) { ledgerEntries(communityId: $id, first: 500) { edges { node { amountFen } } } }',
      { id: communityId },
    );
    expect(listed.data!.ledgerEntries.edges.reduce((sum, e) => sum + e.node.amountFen, 0)).toBe(end);
  });

  it('refuses a spending above the balance, and corrects an entry by one reversal only', async () => {
    const communityId = 'community-xinhua-06';
    const staff = staffOf(communityId);
    const start = await balance(communityId);
    const over = await hub.query(record, { input: spend(communityId, start + 1) }, staff);
    expect(over.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', balanceFen: start } });

    const wrong = (await hub.query(record, { input: spend(communityId, 12_300) }, staff)).data!.recordLedgerEntry;
    expect(wrong).toMatchObject({ category: 'SPENDING', amountFen: -12_300 });
    const twice = await Promise.all([1, 2].map(() => hub.query(reverse, { input: { entryId: wrong.id, reason: '重复记账' } }, staff)));
    expect(twice.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    const reversal = twice.find((r) => !r.errors)!.data!.reverseLedgerEntry;
    expect(reversal).toMatchObject({ category: 'REVERSAL', amountFen: 12_300, reverses: { id: wrong.id } });
    expect((await hub.query(reverse, { input: { entryId: reversal.id, reason: '再更正' } }, staff)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await hub.query(reverse, { input: { entryId: 'ledger-nope', reason: 'x' } }, staff)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await balance(communityId)).toBe(start);

    const entry = await hub.query(
      'query($id: ID!) { ledgerEntries(communityId: $id, first: 2) { edges { node { id category reverses { id } reversedBy { id } } } } }',
      { id: communityId },
    );
    expect(entry.data!.ledgerEntries.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { id: reversal.id, category: 'REVERSAL', reverses: { id: wrong.id }, reversedBy: null },
      { id: wrong.id, category: 'SPENDING', reverses: null, reversedBy: { id: reversal.id } },
    ]);
  });

  it('rejects bad entries and wrong callers, and the database itself refuses to rewrite history', async () => {
    const communityId = 'community-xinhua-07';
    const staff = staffOf(communityId);
    const code = async (query: string, input: unknown, as: TokenClaims | null) => (await hub.query(query, { input }, as)).errors?.[0]?.extensions?.code;
    const donation = { communityId, category: 'DONATION', amountFen: 100, source: '某单位', purpose: '捐赠', occurredOn: '2025-06-01' };
    expect(await code(record, { ...donation, amountFen: 0 }, staff)).toBe('BAD_USER_INPUT');
    expect(await code(record, { ...donation, category: 'TASK_FUNDING' }, staff)).toBe('BAD_USER_INPUT');
    expect(await code(record, { ...donation, category: 'REVERSAL' }, staff)).toBe('BAD_USER_INPUT');
    expect(await code(record, { ...donation, occurredOn: '2999-01-01' }, staff)).toBe('BAD_USER_INPUT');
    expect(await code(record, { ...donation, source: '  ' }, staff)).toBe('BAD_USER_INPUT');
    expect(await code(record, donation, null)).toBe('UNAUTHENTICATED');
    expect(await code(record, donation, staffOf('community-minzu-01'))).toBe('FORBIDDEN');
    expect(await code(record, donation, { role: 'RESIDENT', communityId, personId: 'resident-xinhua-07-0001' })).toBe('FORBIDDEN');

    const funding = await acceptedTransfer(communityId, 80_000);
    expect(await code(transfer, funding, staff)).toBe('FORBIDDEN');
    expect(await code(transfer, funding, null)).toBe('UNAUTHENTICATED');
    expect(await code(transfer, funding, { role: 'DISTRICT_ADMIN' })).toBe('FORBIDDEN');
    expect(await code(transfer, { ...funding, amountFen: -5 }, departmentsService)).toBe('BAD_USER_INPUT');
    expect(await code(transfer, { ...funding, reference: 'task-42' }, departmentsService)).toBe('BAD_USER_INPUT');
    expect(await code(transfer, { ...funding, communityId: 'community-nowhere' }, departmentsService)).toBe('FORBIDDEN');
    const start = await balance(communityId);
    const first = (await hub.query(transfer, { input: funding }, departmentsService)).data!.recordFundTransfer;
    expect(first).toMatchObject({ category: 'TASK_FUNDING', amountFen: 80_000, reference: funding.reference });
    const again = (await hub.query(transfer, { input: funding }, departmentsService)).data!.recordFundTransfer;
    expect(again.id).toBe(first.id);
    expect(await balance(communityId)).toBe(start + 80_000);

    await expect(prisma.$executeRawUnsafe('UPDATE "LedgerEntry" SET "amountFen" = 0 WHERE id = $1', first.id)).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe('DELETE FROM "LedgerEntry" WHERE id = $1', first.id)).rejects.toThrow(/append-only/);
    expect(await balance(communityId)).toBe(start + 80_000);
  });
});
