// A service identity names its subgraph, and a service-only write accepts only the subgraph whose
// flow it is. Task funding (TASK_FUNDING in a community's ledger) comes only from departments, and
// only for a task departments' own records show accepted by that community, at the agreed budget:
// tokens every subgraph could mint (validly signed with the hub's JWT secret) book nothing else.
import type { TokenClaims } from '@shequ/kit';
import { startTestFederation, type TestFederation } from '@shequ/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';
import { committee, community, entriesFor, health, ledger, pendingTransfers, propose, proposal, step } from './departments-helpers.js';

const transfer = 'mutation($input: RecordFundTransferInput!) { recordFundTransfer(input: $input) { id amountFen } }';
const asService = (name: string): TokenClaims => ({ role: 'SERVICE', sub: `service:${name}` });
const arrives = { timeout: 20_000, interval: 200 };

describe('service identities', () => {
  let hub: TestFederation;
  const newTask = async (budgetFen: number) => {
    const res = await hub.query(propose, { input: proposal({ budgetFen }) }, health);
    expect(res.errors).toBeUndefined();
    return res.data!.proposeDelegatedTask.id as string;
  };
  const refusal = async (input: unknown, as: TokenClaims | null) => {
    const res = await hub.query(transfer, { input }, as);
    expect(res.data?.recordFundTransfer ?? null).toBeNull();
    return { code: res.errors?.[0]?.extensions?.code, message: res.errors?.[0]?.message ?? '' };
  };

  beforeAll(async () => {
    hub = await startTestFederation({ subgraphs: [committees, departments] });
    // The demo's accepted tasks carry their transfers: all of them are departments' own and arrive.
    await vi.waitFor(async () => expect(await pendingTransfers(hub)).toBe(0), { timeout: 30_000, interval: 250 });
  });
  afterAll(() => hub?.close());

  it('books a task accepted in departments exactly once, through its outbox', async () => {
    const before = (await ledger(hub)).balance!;
    const id = await newTask(123_400);
    expect((await hub.query(step('acceptDelegatedTask'), { id }, committee)).errors).toBeUndefined();
    await vi.waitFor(async () => expect(await entriesFor(hub, id)).toHaveLength(1), arrives);
    expect(await entriesFor(hub, id)).toEqual([{ amountFen: 123_400, reference: `delegated-task:${id}`, category: 'TASK_FUNDING' }]);
    expect((await ledger(hub)).balance).toBe(before + 123_400);
  });

  it('refuses task funding from any other subgraph, an unnamed service or an administrator, even with the real transfer', async () => {
    const before = (await ledger(hub)).balance!;
    const id = await newTask(45_600);
    expect((await hub.query(step('acceptDelegatedTask'), { id }, committee)).errors).toBeUndefined();
    // Exactly what departments' outbox sends (delivered already or not: the caller decides first).
    const input = {
      eventId: `transfer-${id}`,
      communityId: community,
      amountFen: 45_600,
      source: '区卫生健康局',
      purpose: '委托任务经费',
      reference: `delegated-task:${id}`,
    };
    for (const as of [asService('services'), asService('evaluations'), asService('party'), { role: 'DISTRICT_ADMIN' } as TokenClaims]) {
      const { code, message } = await refusal(input, as);
      expect(code, message).toBe('FORBIDDEN');
      if (as.role === 'SERVICE') expect(message).toMatch(/Only the departments subgraph/);
    }
    // A service token that names no subgraph does not get past the gateway.
    expect((await refusal(input, { role: 'SERVICE' } as TokenClaims)).code).toBe('UNAUTHENTICATED');
    // Departments' own delivery books it, once.
    await vi.waitFor(async () => expect(await entriesFor(hub, id)).toHaveLength(1), arrives);
    expect((await ledger(hub)).balance).toBe(before + 45_600);
  });

  it('refuses funding from departments itself unless its records back it: no such task, not accepted, other amount, community or transfer', async () => {
    const proposed = await newTask(99_900);
    const acceptedId = await newTask(77_700);
    expect((await hub.query(step('acceptDelegatedTask'), { id: acceptedId }, committee)).errors).toBeUndefined();
    await vi.waitFor(async () => expect(await entriesFor(hub, acceptedId)).toHaveLength(1), arrives);
    const before = await ledger(hub);
    const real = {
      eventId: `transfer-${acceptedId}`,
      communityId: community,
      amountFen: 77_700,
      source: '区卫生健康局',
      purpose: '委托任务经费',
      reference: `delegated-task:${acceptedId}`,
    };
    const departmentsService = asService('departments');

    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['a task that does not exist', { ...real, eventId: 'transfer-task-ghost', reference: 'delegated-task:task-ghost' }, /No delegated task task-ghost/],
      ['a task only proposed', { ...real, eventId: `transfer-${proposed}`, amountFen: 99_900, reference: `delegated-task:${proposed}` }, /PROPOSED/],
      ['more than was agreed', { ...real, eventId: `again-${acceptedId}`, amountFen: 777_000 }, /agreed at 77700/],
      ['another community', { ...real, eventId: `elsewhere-${acceptedId}`, communityId: 'community-minzu-04' }, /another community/],
      ['a second transfer for the same task', { ...real, eventId: `second-${acceptedId}` }, /funded by transfer transfer-/],
    ];
    for (const [name, input, reason] of cases) {
      const { code, message } = await refusal(input, departmentsService);
      expect(code, name).toBe('FORBIDDEN');
      expect(message, name).toMatch(reason);
    }
    expect(await ledger(hub)).toEqual(before);
    expect(await ledger(hub, 'community-minzu-04')).toMatchObject({
      entries: expect.not.arrayContaining([expect.objectContaining({ reference: real.reference })]),
    });

    // The genuine delivery, repeated, still answers with the entry already booked.
    const repeat = await hub.query(transfer, { input: real }, departmentsService);
    expect(repeat.errors).toBeUndefined();
    expect(repeat.data!.recordFundTransfer.amountFen).toBe(77_700);
    expect(await ledger(hub)).toEqual(before);
  });

  it("lets no service identity propose a commitment: the owner's own people do (a service point's provider), and communities assess", async () => {
    const propose = 'mutation($input: ProposeCommitmentInput!) { proposeCommitment(input: $input) { id ownerId } }';
    const assess = 'mutation($input: AssessCommitmentInput!) { assessCommitment(input: $input) { id } }';
    const point = {
      ownerType: 'SERVICE_POINT',
      ownerId: 'point-demo-03',
      title: '助餐服务承诺',
      target: '工作日午餐按时供应',
      deadline: '2099-12-31',
      communityIds: ['community-minzu-03'],
    };
    const department = { ...point, ownerType: 'DEPARTMENT', ownerId: 'dept-health' };
    for (const as of [asService('services'), asService('evaluations'), asService('departments')]) {
      for (const input of [point, department]) {
        const res = await hub.query(propose, { input }, as);
        expect(res.errors?.[0]?.extensions?.code, `${JSON.stringify(as)} ${input.ownerType}`).toBe('FORBIDDEN');
      }
      const res = await hub.query(
        assess,
        { input: { commitmentId: 'commitment-dept-health-1', verdict: 'KEPT', evidence: '已兑现', assessedOn: '2026-01-20' } },
        as,
      );
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(as)).toBe('FORBIDDEN');
    }
  });
});
