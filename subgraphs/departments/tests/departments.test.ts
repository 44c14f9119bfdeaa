import { readFileSync } from 'node:fs';
import { printSubgraphSchema } from '@apollo/subgraph';
import { createLogger, demoCommunities, demoStreets, repoRoot } from '@shequ/kit';
import { describeOnEachDatabase, startTestSubgraph, type TestSubgraph } from '@shequ/kit/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DB } from '../src/db.js';
import departments from '../src/index.js';

it('the published SDL in schema/ matches the code (run `npm run compose`)', () => {
  expect(`${printSubgraphSchema(departments.schema).trim()}\n`).toBe(readFileSync(`${repoRoot}/schema/departments.graphql`, 'utf8'));
});

await describeOnEachDatabase('departments', (kind) => {
  let sg: TestSubgraph<DB>;
  beforeAll(async () => {
    // Without the outbox dispatcher: its polling would be counted in the statement measurements.
    sg = await startTestSubgraph({ ...departments, workers: undefined }, kind);
  });
  afterAll(() => sg?.dispose());

  it('seeds units, staff, assignments, tasks in every state and commitments, and a second seed adds nothing', async () => {
    const p = sg.db.prisma;
    const count = async () =>
      Promise.all([
        p.street.count(),
        p.department.count(),
        p.staff.count(),
        p.staffAssignment.count(),
        p.delegatedTask.count(),
        p.outboxEvent.count(),
        p.commitment.count(),
        p.relationship.count(),
      ]);
    const before = await count();
    expect(before.slice(0, 3)).toEqual([13, 7, 7 * 8 + 13 * 5]);
    const byStatus = await p.delegatedTask.groupBy({ by: ['status'], _count: true });
    expect(byStatus.map((s) => s.status).sort()).toEqual(['ACCEPTED', 'COMPLETED', 'DECLINED', 'IN_PROGRESS', 'NEGOTIATING', 'PROPOSED', 'SETTLED']);
    expect(before[4]).toBeGreaterThanOrEqual(30);
    // Every task from acceptance on has its transfer in the outbox, and no other task has one.
    expect(before[5]).toBe(
      await p.delegatedTask.count({ where: { status: { in: ['ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'SETTLED'] }, transferEventId: { not: null } } }),
    );
    const statuses = new Set((await p.commitment.findMany({ select: { status: true } })).map((c) => c.status));
    expect([...statuses].sort()).toEqual(['BROKEN', 'KEPT', 'PENDING']);
    await departments.seed!(p, createLogger('test', 'silent'));
    expect(await count()).toEqual(before);
  });

  it('assigns staff down to communities: every community has street and department staff, street staff only in their street', async () => {
    const assignments = await sg.db.prisma.staffAssignment.findMany({ include: { staff: true } });
    const streetOf = new Map(demoCommunities.map((c) => [c.id, c.streetId]));
    for (const community of demoCommunities) {
      const here = assignments.filter((a) => a.communityId === community.id);
      expect(here.some((a) => a.staff.unitType === 'STREET')).toBe(true);
      expect(here.some((a) => a.staff.unitType === 'DEPARTMENT')).toBe(true);
    }
    expect(assignments.filter((a) => a.staff.streetId && a.staff.streetId !== streetOf.get(a.communityId))).toEqual([]);
  });

  it('resolves every Staff reference (121) with one SQL statement, and their units and communities without a statement per row', async () => {
    const ids = (await sg.db.prisma.staff.findMany({ select: { id: true } })).map((s) => ({ __typename: 'Staff', id: s.id }));
    const { result, statements } = await sg.db.queries.measure(() =>
      sg.query('query($r: [_Any!]!) { _entities(representations: $r) { ... on Staff { id name position unitType streetId departmentId } } }', { r: ids }),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toHaveLength(7 * 8 + 13 * 5);
    expect(result.data!._entities).toContainEqual(
      expect.objectContaining({ id: 'staff-street-minzu-01', unitType: 'STREET', streetId: 'street-minzu', departmentId: null }),
    );
    expect(statements).toBe(1);

    const nested = await sg.db.queries.measure(() =>
      sg.query(
        '{ streets { staff { id street { id } assignedCommunities { id } } } departments { staff { id department { id } assignedCommunities { id } } } }',
      ),
    );
    expect(nested.result.errors).toBeUndefined();
    // Per level and loader, not per row: 121 staff would otherwise cost hundreds. Batches may split
    // across ticks, so the exact figure varies by a statement or two between databases.
    expect(nested.statements).toBeLessThanOrEqual(10);
  });

  it('resolves Community.assignedStaff and delegatedTasks for all 112 communities in a constant number of statements', async () => {
    const r = demoCommunities.map((c) => ({ __typename: 'Community', id: c.id }));
    const { result, statements } = await sg.db.queries.measure(() =>
      sg.query(
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Community { assignedStaff { id } delegatedTasks { id status } relationships { kind unitId } } } }',
        { r },
      ),
    );
    expect(result.errors).toBeUndefined();
    const rows = result.data!._entities as { assignedStaff: unknown[]; relationships: { kind: string }[] }[];
    expect(rows.every((c) => c.assignedStaff.length >= 2)).toBe(true);
    expect(rows.every((c) => c.relationships.some((x) => x.kind === 'GUIDANCE') && c.relationships.some((x) => x.kind === 'SUPERVISION'))).toBe(true);
    expect(statements).toBe(4);
  });

  it('shows streets with staff, and staff with their unit', async () => {
    const res = await sg.query(
      '{ street(id: "street-minzu") { staff { id position } } staff(id: "staff-dept-health-03") { department { id shortName } street { id } } nobody: staff(id: "nope") { id } }',
    );
    expect(res.data!.street.staff.map((s: { id: string }) => s.id)).toEqual([1, 2, 3, 4, 5].map((n) => `staff-street-minzu-0${n}`));
    expect(res.data!.staff).toEqual({ department: { id: 'dept-health', shortName: '卫生局' }, street: null });
    expect(res.data!.nobody).toBeNull();
    expect(demoStreets).toHaveLength(13);
  });

  it('answers bad list arguments with BAD_USER_INPUT', async () => {
    for (const q of [
      '{ commitments(limit: 0) { id } }',
      '{ commitments(limit: 501) { id } }',
      '{ delegatedTasks(first: -1) { edges { cursor } } }',
      '{ delegatedTasks(after: "garbage") { edges { cursor } } }',
    ]) {
      expect((await sg.query(q)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
