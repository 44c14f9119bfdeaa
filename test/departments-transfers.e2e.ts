// Money following a task must be neither lost nor counted twice: the acceptance and its transfer
// are one transaction in departments, the outbox delivers to committees until acknowledged, and
// committees records each event id once. Here committees goes down, departments goes down with
// a transfer pending, and a delivery is repeated.
import { describeOnEachDatabase, startTestFederation, type TestFederation } from '@shequ/testing';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';
import { committee, departmentsDb, entriesFor, health, ledger, pendingTransfers, propose, proposal, step } from './departments-helpers.js';

const arrives = { timeout: 20_000, interval: 200 };

await describeOnEachDatabase('budget transfers through outages', (database) => {
  let hub: TestFederation;
  const newTask = async (budgetFen: number) => {
    const res = await hub.query(propose, { input: proposal({ budgetFen }) }, health);
    expect(res.errors).toBeUndefined();
    return res.data!.proposeDelegatedTask.id as string;
  };
  const transferOf = (id: string) => departmentsDb(hub).outboxEvent.findUniqueOrThrow({ where: { id: `transfer-${id}` } });

  beforeAll(async () => {
    // No response cache: the balance is read at once while committees is down, and after deliveries sent straight to it.
    hub = await startTestFederation({ subgraphs: [committees, departments], database, gateway: { security: { responseCache: { ttlMs: 0 } } } });
    await vi.waitFor(async () => expect(await pendingTransfers(hub)).toBe(0), { timeout: 30_000, interval: 250 });
  });
  afterAll(() => hub?.close());

  it('committees down: proposing is refused, accepting commits; the money waits, then arrives exactly once', async () => {
    const before = (await ledger(hub)).balance!;
    const id = await newTask(250_000);
    const tasks = await departmentsDb(hub).delegatedTask.count();
    await hub.subgraphs.committees!.stopServer();
    try {
      const refused = await hub.query(propose, { input: proposal() }, health);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'committees' });
      expect(await departmentsDb(hub).delegatedTask.count()).toBe(tasks);

      const accepted = await hub.query(step('acceptDelegatedTask'), { id }, committee);
      expect(accepted.errors).toBeUndefined();
      expect(accepted.data!.acceptDelegatedTask).toMatchObject({ status: 'ACCEPTED', transfer: { status: 'PENDING' } });
      const unavailable = await ledger(hub);
      expect(unavailable.balance).toBeNull();
      expect(unavailable.errors?.[0]?.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
      // Delivery has been tried and failed, and is being retried.
      await vi.waitFor(async () => expect((await transferOf(id)).attempts).toBeGreaterThanOrEqual(2), arrives);
      expect((await transferOf(id)).deliveredAt).toBeNull();

      // The work goes on meanwhile, but the account cannot be closed before the money has landed.
      for (const name of ['startDelegatedTask', 'completeDelegatedTask']) {
        for (const side of [health, committee]) expect((await hub.query(step(name), { id }, side)).errors).toBeUndefined();
      }
      const early = await hub.query(step('settleDelegatedTask'), { id }, health);
      expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', transfer: 'PENDING' });
    } finally {
      await hub.subgraphs.committees!.restartServer();
    }
    await vi.waitFor(async () => expect(await entriesFor(hub, id)).toHaveLength(1), arrives);
    expect((await ledger(hub)).balance).toBe(before + 250_000);
    const settled = await hub.query(step('settleDelegatedTask'), { id }, health);
    expect(settled.data!.settleDelegatedTask).toMatchObject({ status: 'SETTLED', transfer: { status: 'DELIVERED', amountFen: 250_000 } });
    expect(await entriesFor(hub, id)).toEqual([{ amountFen: 250_000, reference: `delegated-task:${id}`, category: 'TASK_FUNDING' }]);
  });

  it('a delivery repeated (departments died after committees answered, before noting it) is recorded once', async () => {
    const id = await newTask(77_700);
    expect((await hub.query(step('acceptDelegatedTask'), { id }, committee)).errors).toBeUndefined();
    await vi.waitFor(async () => expect((await transferOf(id)).deliveredAt).not.toBeNull(), arrives);
    const after = (await ledger(hub)).balance!;

    await departmentsDb(hub).outboxEvent.update({ where: { id: `transfer-${id}` }, data: { deliveredAt: null, nextAttemptAt: new Date() } });
    await vi.waitFor(async () => expect((await transferOf(id)).deliveredAt).not.toBeNull(), arrives);
    expect(await entriesFor(hub, id)).toHaveLength(1);
    expect((await ledger(hub)).balance).toBe(after);

    // The receiver's side of the contract, asked directly: the same event id twice, one entry.
    const transfer = (await transferOf(id)).payload as Record<string, unknown>;
    const again = `mutation($i: RecordFundTransferInput!) { recordFundTransfer(input: $i) { id amountFen } }`;
    const service = { role: 'SERVICE' as const, sub: 'service:departments' };
    const [first, second] = [await hub.query(again, { i: transfer }, service), await hub.query(again, { i: transfer }, service)];
    expect(first.errors).toBeUndefined();
    expect(second.data).toEqual(first.data);
    expect((await ledger(hub)).balance).toBe(after);
  });

  it('departments down with a transfer pending: nothing is lost, and after its restart the money arrives once', async () => {
    const before = (await ledger(hub)).balance!;
    const id = await newTask(55_500);
    await hub.subgraphs.committees!.stopServer();
    try {
      expect((await hub.query(step('acceptDelegatedTask'), { id }, committee)).errors).toBeUndefined();
    } finally {
      // Departments stops (its dispatcher with it) while the transfer is still pending.
      await hub.subgraphs.departments!.stopServer();
      await hub.subgraphs.committees!.restartServer();
    }
    try {
      expect((await transferOf(id)).deliveredAt).toBeNull();
      expect(await entriesFor(hub, id)).toEqual([]);
    } finally {
      await hub.subgraphs.departments!.restartServer();
    }
    await vi.waitFor(async () => expect(await entriesFor(hub, id)).toHaveLength(1), arrives);
    expect((await ledger(hub)).balance).toBe(before + 55_500);
  });

  it('an acceptance whose transfer cannot be written is not recorded either', async () => {
    const id = await newTask(66_600);
    // Something already holds the transfer's event id: the outbox insert fails inside the transaction.
    await departmentsDb(hub).outboxEvent.create({ data: { id: `transfer-${id}`, kind: 'blocker', payload: {}, deliveredAt: new Date() } });
    const failed = await hub.query(step('acceptDelegatedTask'), { id }, committee);
    expect(failed.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    const task = await departmentsDb(hub).delegatedTask.findUniqueOrThrow({ where: { id }, include: { steps: true } });
    expect(task).toMatchObject({ status: 'PROPOSED', agreedBudgetFen: null, transferEventId: null });
    expect(task.steps.map((s) => s.action)).toEqual(['PROPOSE']);

    await departmentsDb(hub).outboxEvent.delete({ where: { id: `transfer-${id}` } });
    expect((await hub.query(step('acceptDelegatedTask'), { id }, committee)).data!.acceptDelegatedTask.status).toBe('ACCEPTED');
    await vi.waitFor(async () => expect(await entriesFor(hub, id)).toHaveLength(1), arrives);
  });
});
