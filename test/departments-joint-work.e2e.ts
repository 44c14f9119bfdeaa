// Delegated work is done jointly: the proposing department and the community each record their
// own part started and completed, in order, and only for their own side; tasks past their due
// date (the district's day) and not completed are flagged overdue and can be filtered.
import { districtToday, type TokenClaims } from '@shequ/kit';
import { describeOnEachDatabase, startTestFederation, type TestFederation } from '@shequ/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';
import { committee, departmentsDb, health, propose, proposal } from './departments-helpers.js';

// Without its outbox worker: the money is not what these tests are about.
const quietDepartments = { ...departments, workers: undefined };
const otherCommittee: TokenClaims = { role: 'COMMITTEE_STAFF', communityId: 'community-minzu-04' };
const culture: TokenClaims = { role: 'DEPARTMENT_STAFF', departmentId: 'dept-culture' };
const admin: TokenClaims = { role: 'DISTRICT_ADMIN' };

const fields = 'id status overdue startedAt completedAt parts { part status startedAt completedAt } history { action status part actorRole actorUnitId }';
const act = (name: 'startDelegatedTask' | 'completeDelegatedTask') => `mutation($id: ID!, $part: TaskPart) { ${name}(id: $id, part: $part) { ${fields} } }`;
const start = act('startDelegatedTask');
const complete = act('completeDelegatedTask');

interface Task {
  id: string;
  status: string;
  overdue: boolean;
  completedAt: string | null;
  parts: { part: string; status: string; startedAt: string | null; completedAt: string | null }[];
  history: { action: string; status: string; part: string | null; actorRole: string; actorUnitId: string | null }[];
}

await describeOnEachDatabase('joint delegated work', (database) => {
  let hub: TestFederation;
  const accepted = async () => {
    const res = await hub.query(propose, { input: proposal() }, health);
    expect(res.errors).toBeUndefined();
    const id = res.data!.proposeDelegatedTask.id as string;
    expect((await hub.query('mutation($id: ID!) { acceptDelegatedTask(id: $id) { status } }', { id }, committee)).errors).toBeUndefined();
    return id;
  };
  const run = async (query: string, id: string, as: TokenClaims, part?: string) => {
    const res = await hub.query<Record<string, Task>>(query, { id, part }, as);
    return { task: res.data ? Object.values(res.data)[0]! : null, code: res.errors?.[0]?.extensions?.code, errors: res.errors };
  };
  const parts = (task: Task) => Object.fromEntries(task.parts.map((p) => [p.part, p.status]));

  beforeAll(async () => {
    // No response cache: due dates are moved in the database, past the gateway, and read at once.
    hub = await startTestFederation({ subgraphs: [committees, quietDepartments], database, gateway: { security: { responseCache: { ttlMs: 0 } } } });
  });
  afterAll(() => hub?.close());

  it('each side records its part; the task is in progress from the first start and completed with the second completion', async () => {
    const id = await accepted();
    const byCommunity = await run(start, id, committee);
    expect(byCommunity.errors).toBeUndefined();
    expect(byCommunity.task).toMatchObject({ status: 'IN_PROGRESS', completedAt: null });
    expect(parts(byCommunity.task!)).toEqual({ PROPOSER: 'NOT_STARTED', COMMUNITY: 'IN_PROGRESS' });

    expect(parts((await run(start, id, health)).task!)).toEqual({ PROPOSER: 'IN_PROGRESS', COMMUNITY: 'IN_PROGRESS' });
    const oneDone = (await run(complete, id, health)).task!;
    expect(oneDone.status).toBe('IN_PROGRESS');
    expect(parts(oneDone)).toEqual({ PROPOSER: 'COMPLETED', COMMUNITY: 'IN_PROGRESS' });

    const done = (await run(complete, id, committee)).task!;
    expect(done.status).toBe('COMPLETED');
    expect(done.completedAt).not.toBeNull();
    expect(parts(done)).toEqual({ PROPOSER: 'COMPLETED', COMMUNITY: 'COMPLETED' });
    expect(done.history.slice(-4)).toEqual([
      { action: 'START', status: 'IN_PROGRESS', part: 'COMMUNITY', actorRole: 'COMMITTEE_STAFF', actorUnitId: committee.communityId },
      { action: 'START', status: 'IN_PROGRESS', part: 'PROPOSER', actorRole: 'DEPARTMENT_STAFF', actorUnitId: 'dept-health' },
      { action: 'COMPLETE', status: 'IN_PROGRESS', part: 'PROPOSER', actorRole: 'DEPARTMENT_STAFF', actorUnitId: 'dept-health' },
      { action: 'COMPLETE', status: 'COMPLETED', part: 'COMMUNITY', actorRole: 'COMMITTEE_STAFF', actorUnitId: committee.communityId },
    ]);
  });

  it('refuses steps out of order with CONFLICT and changes nothing', async () => {
    const proposed = await hub.query(propose, { input: proposal() }, health);
    const waiting = proposed.data!.proposeDelegatedTask.id as string;
    expect(await run(start, waiting, committee)).toMatchObject({ code: 'CONFLICT' });

    const id = await accepted();
    expect((await run(complete, id, committee)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', status: 'ACCEPTED' });
    await run(start, id, committee);
    // Its own part not started yet, though the task is under way.
    expect((await run(complete, id, health)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', part: 'PROPOSER' });
    expect((await run(start, id, committee)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', part: 'COMMUNITY' });
    await run(complete, id, committee);
    expect((await run(complete, id, committee)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', part: 'COMMUNITY' });
    const row = await departmentsDb(hub).delegatedTask.findUniqueOrThrow({ where: { id }, include: { steps: true } });
    expect(row.status).toBe('IN_PROGRESS');
    expect(row.steps.map((s) => `${s.action}:${s.part ?? ''}`)).toEqual(['PROPOSE:', 'ACCEPT:', 'START:COMMUNITY', 'COMPLETE:COMMUNITY']);
  });

  it('lets each side record only its own part: other communities and departments are FORBIDDEN, the district names the part', async () => {
    const id = await accepted();
    expect((await run(start, id, otherCommittee)).code).toBe('FORBIDDEN');
    expect((await run(start, id, culture)).code).toBe('FORBIDDEN');
    expect((await run(start, id, { role: 'RESIDENT', communityId: committee.communityId })).code).toBe('FORBIDDEN');
    expect((await run(start, id, committee, 'PROPOSER')).code).toBe('FORBIDDEN');
    expect((await run(start, id, health, 'COMMUNITY')).code).toBe('FORBIDDEN');
    expect((await hub.query(start, { id })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await run(start, id, admin)).code).toBe('BAD_USER_INPUT');
    expect(await departmentsDb(hub).delegatedTaskStep.count({ where: { taskId: id, action: 'START' } })).toBe(0);
    const byDistrict = await run(start, id, admin, 'COMMUNITY');
    expect(byDistrict.errors).toBeUndefined();
    expect(parts(byDistrict.task!)).toEqual({ PROPOSER: 'NOT_STARTED', COMMUNITY: 'IN_PROGRESS' });
  });

  it('flags tasks past their due date and not completed as overdue, and filters by it', async () => {
    const id = await accepted();
    const today = districtToday();
    const flag = async () =>
      (await hub.query<{ delegatedTask: { overdue: boolean } }>('query($id: ID!) { delegatedTask(id: $id) { overdue } }', { id })).data!.delegatedTask.overdue;
    const filtered = async (overdue: boolean) => {
      const res = await hub.query<{ delegatedTasks: { edges: { node: { id: string; overdue: boolean } }[] } }>(
        'query($o: Boolean) { delegatedTasks(first: 100, filter: { overdue: $o, communityId: "community-minzu-03" }) { edges { node { id overdue } } } }',
        { o: overdue },
      );
      expect(res.errors).toBeUndefined();
      return res.data!.delegatedTasks.edges.map((e) => e.node);
    };
    // Due today (the district's day) is not late yet; due yesterday is.
    await departmentsDb(hub).delegatedTask.update({ where: { id }, data: { dueDate: today } });
    expect(await flag()).toBe(false);
    await departmentsDb(hub).delegatedTask.update({ where: { id }, data: { dueDate: new Date(today.getTime() - 86_400_000) } });
    expect(await flag()).toBe(true);
    const late = await filtered(true);
    expect(late.map((t) => t.id)).toContain(id);
    expect(late.every((t) => t.overdue)).toBe(true);
    const onTime = await filtered(false);
    expect(onTime.map((t) => t.id)).not.toContain(id);
    expect(onTime.every((t) => !t.overdue)).toBe(true);

    // Completed work is never overdue.
    for (const side of [committee, health]) await run(start, id, side);
    for (const side of [committee, health]) await run(complete, id, side);
    expect(await flag()).toBe(false);
    expect((await filtered(true)).map((t) => t.id)).not.toContain(id);
  });

  it('demo: some open work is overdue, some is waiting for the community, and every demo task shows both parts consistently', async () => {
    const res = await hub.query<{ delegatedTasks: { edges: { node: Task & { dueDate: string | null } }[] } }>(
      `{ delegatedTasks(first: 100) { edges { node { ${fields} dueDate } } } }`,
    );
    const demo = res.data!.delegatedTasks.edges.map((e) => e.node).filter((t) => t.id.startsWith('task-demo-'));
    const open = demo.filter((t) => ['PROPOSED', 'NEGOTIATING', 'ACCEPTED', 'IN_PROGRESS'].includes(t.status));
    const overdue = demo.filter((t) => t.overdue);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.length).toBeLessThan(open.length / 2);
    expect(overdue.every((t) => open.includes(t))).toBe(true);
    const waiting = demo.filter((t) => t.status === 'PROPOSED' || t.status === 'NEGOTIATING');
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.length).toBeLessThan(demo.length / 3);
    for (const t of demo) {
      const p = parts(t);
      if (t.status === 'COMPLETED' || t.status === 'SETTLED') expect(p).toEqual({ PROPOSER: 'COMPLETED', COMMUNITY: 'COMPLETED' });
      else if (t.status === 'IN_PROGRESS') expect(Object.values(p)).not.toEqual(['NOT_STARTED', 'NOT_STARTED']);
      else expect(p).toEqual({ PROPOSER: 'NOT_STARTED', COMMUNITY: 'NOT_STARTED' });
    }
  });
});
