// Delegated work through the gateway (权随责走，费随事转): negotiation, who may take which step,
// illegal steps, and the agreed budget arriving once in the community's ledger in committees.
import { districtDayOf, type TokenClaims } from '@shequ/kit';
import { describeOnEachDatabase, startTestFederation, type TestFederation } from '@shequ/testing';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';
import {
  committee,
  community,
  departmentsDb,
  entriesFor,
  health,
  ledger,
  pendingTransfers,
  propose,
  proposal,
  step,
  taskFields,
} from './departments-helpers.js';

const culture: TokenClaims = { role: 'DEPARTMENT_STAFF', departmentId: 'dept-culture' };
const otherCommittee: TokenClaims = { role: 'COMMITTEE_STAFF', communityId: 'community-minzu-04' };

await describeOnEachDatabase('delegated tasks through the gateway', (database) => {
  let hub: TestFederation;
  const newTask = async (over: Record<string, unknown> = {}, as = health) => {
    const res = await hub.query(propose, { input: proposal(over) }, as);
    expect(res.errors).toBeUndefined();
    return res.data!.proposeDelegatedTask as { id: string };
  };

  beforeAll(async () => {
    hub = await startTestFederation({ subgraphs: [committees, departments], database });
    // The demo tasks' transfers go out as soon as the gateway is up; let them land first.
    await vi.waitFor(async () => expect(await pendingTransfers(hub)).toBe(0), { timeout: 30_000, interval: 250 });
  });
  afterAll(() => hub?.close());

  it('delivered every demo transfer to the committees ledger exactly once', async () => {
    const transfers = await departmentsDb(hub).outboxEvent.findMany();
    expect(transfers.length).toBeGreaterThanOrEqual(15);
    for (const communityId of new Set(transfers.map((t) => (t.payload as { communityId: string }).communityId))) {
      const funding = (await ledger(hub, communityId)).entries!.filter((e) => e.reference?.startsWith('delegated-task:task-demo-'));
      const expected = transfers
        .map((t) => t.payload as { communityId: string; amountFen: number; reference: string })
        .filter((p) => p.communityId === communityId);
      expect(funding.sort((a, b) => a.reference!.localeCompare(b.reference!))).toEqual(
        expected
          .map((p) => ({ amountFen: p.amountFen, reference: p.reference, category: 'TASK_FUNDING' }))
          .sort((a, b) => a.reference.localeCompare(b.reference)),
      );
    }
  });

  it("books each demo task's money on the day the task was accepted (the district's day), not the day the hub started", async () => {
    const tasks = await departmentsDb(hub).delegatedTask.findMany({
      where: { id: { startsWith: 'task-demo-' }, transferEventId: { not: null } },
      select: { id: true, communityId: true, decidedAt: true },
    });
    expect(tasks.length).toBeGreaterThanOrEqual(15);
    for (const task of tasks) {
      const res = await hub.query<{ ledgerEntries: { edges: { node: { reference: string | null; occurredOn: string } }[] } }>(
        'query($c: ID!) { ledgerEntries(communityId: $c, category: TASK_FUNDING, first: 100) { edges { node { reference occurredOn } } } }',
        { c: task.communityId },
      );
      const entry = res.data!.ledgerEntries.edges.map((e) => e.node).find((n) => n.reference === `delegated-task:${task.id}`)!;
      expect(entry.occurredOn).toBe(districtDayOf(task.decidedAt!));
      expect(entry.occurredOn < districtDayOf(new Date())).toBe(true);
    }
  });

  it('runs proposed → counter-proposed → revised → accepted → in progress → completed → settled; the budget arrives once', async () => {
    const before = (await ledger(hub)).balance!;
    const { id } = await newTask();
    const countered = await hub.query(
      step('counterProposeDelegatedTask', 'budgetFen: Fen!', 'note: String'),
      { id, budgetFen: 420_000, note: '需增加场地与物资' },
      committee,
    );
    expect(countered.data!.counterProposeDelegatedTask).toMatchObject({ status: 'NEGOTIATING', budgetFen: 300_000, counterBudgetFen: 420_000 });
    const revised = await hub.query(step('reviseDelegatedTaskOffer', 'budgetFen: Fen!'), { id, budgetFen: 400_000 }, health);
    expect(revised.data!.reviseDelegatedTaskOffer).toMatchObject({ status: 'NEGOTIATING', budgetFen: 400_000 });
    const accepted = await hub.query(step('acceptDelegatedTask'), { id }, committee);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptDelegatedTask).toMatchObject({
      status: 'ACCEPTED',
      agreedBudgetFen: 400_000,
      transfer: { eventId: `transfer-${id}`, amountFen: 400_000 },
    });

    await vi.waitFor(async () => expect(await entriesFor(hub, id)).toHaveLength(1), { timeout: 15_000, interval: 200 });
    expect((await ledger(hub)).balance).toBe(before + 400_000);

    // The work is joint: each side records its own part; the second completion completes the task.
    const steps = [
      ['startDelegatedTask', health, 'IN_PROGRESS'],
      ['startDelegatedTask', committee, 'IN_PROGRESS'],
      ['completeDelegatedTask', committee, 'IN_PROGRESS'],
      ['completeDelegatedTask', health, 'COMPLETED'],
      ['settleDelegatedTask', health, 'SETTLED'],
    ] as const;
    for (const [name, as, status] of steps) {
      const res = await hub.query(step(name), { id }, as);
      expect(res.errors).toBeUndefined();
      expect(res.data![name].status).toBe(status);
    }
    const settled = await hub.query(`query($id: ID!) { delegatedTask(id: $id) { ${taskFields} community { id name } department { id } } }`, { id });
    const task = settled.data!.delegatedTask;
    expect(task.transfer.status).toBe('DELIVERED');
    expect(task.community.id).toBe(community);
    expect(task.department.id).toBe('dept-health');
    expect(task.history.map((h: { action: string }) => h.action)).toEqual([
      'PROPOSE',
      'COUNTER_PROPOSE',
      'REVISE_OFFER',
      'ACCEPT',
      'START',
      'START',
      'COMPLETE',
      'COMPLETE',
      'SETTLE',
    ]);
    expect(task.history[3]).toEqual({ action: 'ACCEPT', status: 'ACCEPTED', budgetFen: 400_000, actorRole: 'COMMITTEE_STAFF', actorUnitId: community });
    expect(await entriesFor(hub, id)).toEqual([{ amountFen: 400_000, reference: `delegated-task:${id}`, category: 'TASK_FUNDING' }]);
    expect((await ledger(hub)).balance).toBe(before + 400_000);
  });

  it('rejects administrative work quoting the rule, and bad input, before anything is written', async () => {
    const count = () => departmentsDb(hub).delegatedTask.count();
    const before = await count();
    const admin = await hub.query(propose, { input: proposal({ administrative: true }) }, health);
    expect(admin.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(admin.errors?.[0]?.message).toMatch(/never push it onto the community/);
    for (const bad of [{ budgetFen: 0 }, { budgetFen: -5 }, { title: ' ' }, { dueDate: '2020-01-01' }]) {
      expect((await hub.query(propose, { input: proposal(bad) }, health)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const unknown = await hub.query(propose, { input: proposal({ communityId: 'community-nowhere-01' }) }, health);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const street = await hub.query(propose, { input: proposal({ communityId: 'community-hualou-01' }) }, { role: 'STREET_STAFF', streetId: 'street-minzu' });
    expect(street.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await count()).toBe(before);
  });

  it('lets only the owning roles act', async () => {
    const { id } = await newTask();
    const cases: [string, Record<string, unknown>, TokenClaims | null, string][] = [
      [propose, { input: proposal() }, null, 'UNAUTHENTICATED'],
      [propose, { input: proposal() }, committee, 'FORBIDDEN'],
      [propose, { input: proposal({ proposerId: 'dept-culture' }) }, health, 'FORBIDDEN'],
      [step('acceptDelegatedTask'), { id }, otherCommittee, 'FORBIDDEN'],
      [step('acceptDelegatedTask'), { id }, health, 'FORBIDDEN'],
      [step('declineDelegatedTask', 'reason: String!'), { id, reason: '不同意' }, { role: 'RESIDENT', communityId: community }, 'FORBIDDEN'],
      [step('reviseDelegatedTaskOffer', 'budgetFen: Fen!'), { id, budgetFen: 1000 }, culture, 'FORBIDDEN'],
    ];
    for (const [query, variables, as, code] of cases) expect((await hub.query(query, variables, as)).errors?.[0]?.extensions?.code).toBe(code);
    // The district may take any step, including for a named unit.
    const byDistrict = await hub.query(propose, { input: proposal({ proposerId: 'street-minzu' }) }, { role: 'DISTRICT_ADMIN' });
    expect(byDistrict.errors).toBeUndefined();
  });

  it('rejects illegal transitions with CONFLICT naming the current state', async () => {
    const { id } = await newTask();
    const start = await hub.query(step('startDelegatedTask'), { id }, health);
    expect(start.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', status: 'PROPOSED', action: 'START' });
    expect((await hub.query(step('reviseDelegatedTaskOffer', 'budgetFen: Fen!'), { id, budgetFen: 500_000 }, health)).errors?.[0]?.extensions?.status).toBe(
      'PROPOSED',
    );
    const declined = await hub.query(step('declineDelegatedTask', 'reason: String!'), { id, reason: '属于部门自身职责' }, committee);
    expect(declined.data!.declineDelegatedTask).toMatchObject({ status: 'DECLINED', declineReason: '属于部门自身职责' });
    for (const [name, as] of [
      ['acceptDelegatedTask', committee],
      ['startDelegatedTask', health],
      ['completeDelegatedTask', health],
      ['settleDelegatedTask', health],
    ] as const) {
      expect((await hub.query(step(name), { id }, as)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', status: 'DECLINED' });
    }
    expect((await hub.query(step('acceptDelegatedTask'), { id: 'task-nope' }, committee)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await hub.query(step('declineDelegatedTask', 'reason: String!'), { id, reason: ' ' }, committee)).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('two accepts at once: one wins, the other gets CONFLICT, one transfer, money once', async () => {
    const before = (await ledger(hub)).balance!;
    const { id } = await newTask({ budgetFen: 123_400 });
    const results = await Promise.all([
      hub.query(step('acceptDelegatedTask'), { id }, committee),
      hub.query(step('acceptDelegatedTask'), { id }, { role: 'DISTRICT_ADMIN' }),
    ]);
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.flatMap((r) => r.errors ?? []).map((e) => e.extensions?.code)).toEqual(['CONFLICT']);
    expect(await departmentsDb(hub).outboxEvent.count({ where: { payload: { path: ['reference'], equals: `delegated-task:${id}` } } })).toBe(1);
    await vi.waitFor(async () => expect(await entriesFor(hub, id)).toHaveLength(1), { timeout: 15_000, interval: 200 });
    expect((await ledger(hub)).balance).toBe(before + 123_400);
  });
});
