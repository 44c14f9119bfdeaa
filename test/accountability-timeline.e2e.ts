// One query for a unit's whole accountability trail: its results, cases, commitments and delegated
// work, and the timeline that merges them across evaluations and departments in time order.
import { staffId, type TokenClaims } from '@shequ/kit';
import { startTestFederation, type TestFederation } from '@shequ/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';
import evaluations from '../subgraphs/evaluations/src/index.js';

interface Event {
  at: string;
  kind: string;
  summary: string;
  subjectId: string;
  communityId: string | null;
  community: { id: string; name: string } | null;
}

interface Unit {
  id: string;
  evaluations: { campaignId: string; campaignStatus: string; score: number | null; rank: number | null; badReviews: number | null }[];
  rectificationCases: { id: string; status: string; planSubmittedAt: string | null; verifications: unknown[] }[];
  commitments: { id: string; status: string }[];
  delegatedTasks: { id: string; status: string; communityId: string }[];
  accountabilityTimeline: Event[];
}

const unitFields = `id
  evaluations { campaignId campaignStatus score rank badReviews }
  rectificationCases { id status planSubmittedAt verifications { accepted } }
  commitments { id status }
  delegatedTasks { id status communityId }
  accountabilityTimeline(limit: 500) { at kind summary subjectId communityId community { id name } }`;

const admin: TokenClaims = { role: 'DISTRICT_ADMIN', sub: 'admin-timeline' };

let hub: TestFederation;
beforeAll(async () => {
  hub = await startTestFederation({ subgraphs: [committees, departments, evaluations] });
});
afterAll(() => hub?.close());

const department = async (id: string, as: TokenClaims | null = null) => {
  const res = await hub.query<{ department: Unit }>(`query($id: ID!) { department(id: $id) { ${unitFields} } }`, { id }, as);
  expect(res.errors).toBeUndefined();
  return res.data!.department;
};

const inOrder = (events: Event[]) => events.every((e, i) => i === 0 || events[i - 1]!.at <= e.at);

describe('accountability of a department, a street and a staff member', () => {
  it("merges a department's published scores, bad reviews, cases, commitments and delegated work in time order", async () => {
    const listed = await hub.query<{ departments: { id: string; delegatedTasks: unknown[]; commitments: unknown[] }[] }>(
      '{ departments { id delegatedTasks { id } commitments { id } } }',
    );
    const busiest = listed.data!.departments.find((d) => d.delegatedTasks.length > 0 && d.commitments.length > 0)!;
    const unit = await department(busiest.id);
    const kinds = new Set(unit.accountabilityTimeline.map((e) => e.kind));
    expect(inOrder(unit.accountabilityTimeline)).toBe(true);
    // Both subgraphs' parts are there.
    expect(kinds).toContain('SCORE_PUBLISHED');
    expect(kinds).toContain('COMMITMENT_MADE');
    expect(kinds).toContain('TASK_PROPOSED');
    // Each part matches the lists beside it.
    const ofKind = (kind: string) =>
      unit.accountabilityTimeline
        .filter((e) => e.kind === kind)
        .map((e) => e.subjectId)
        .sort();
    expect(ofKind('TASK_PROPOSED')).toEqual(unit.delegatedTasks.map((t) => t.id).sort());
    expect(ofKind('COMMITMENT_MADE')).toEqual(unit.commitments.map((c) => c.id).sort());
    expect(ofKind('CASE_OPENED')).toEqual(unit.rectificationCases.map((c) => c.id).sort());
    // Events about a community name it (committees resolves it).
    const located = unit.accountabilityTimeline.filter((e) => e.communityId);
    expect(located.length).toBeGreaterThan(0);
    expect(located.every((e) => e.community?.id === e.communityId && e.community.name.endsWith('社区'))).toBe(true);
    // Anonymous callers see only the published campaign, in the results and in the timeline.
    expect(unit.evaluations.map((r) => r.campaignStatus)).toEqual(['PUBLISHED']);
    expect(ofKind('SCORE_PUBLISHED')).toEqual(unit.evaluations.map((r) => r.campaignId));
    const published = unit.evaluations[0]!;
    const scoreLine = unit.accountabilityTimeline.find((e) => e.kind === 'SCORE_PUBLISHED')!;
    expect(scoreLine.summary).toContain(`${published.score} 分`);
    expect(scoreLine.summary).toContain(`第 ${published.rank} 名`);
    if (published.badReviews) {
      const bad = unit.accountabilityTimeline.find((e) => e.kind === 'BAD_REVIEWS')!;
      expect(bad.summary).toContain(`差评 ${published.badReviews} 条`);
    }
  });

  it("shows an administrator the open campaign's live result in `evaluations`, but the timeline stays the public record", async () => {
    const unit = await department('dept-health', admin);
    expect(unit.evaluations.map((r) => r.campaignStatus).sort()).toEqual(['OPEN', 'PUBLISHED']);
    const open = unit.evaluations.find((r) => r.campaignStatus === 'OPEN')!;
    expect(unit.accountabilityTimeline.some((e) => e.subjectId === open.campaignId)).toBe(false);
  });

  it('puts new steps at the end as they happen: a rectification plan and a delegated task', async () => {
    const all = await hub.query<{ rectificationCases: { id: string; targetId: string; targetKind: string; status: string }[] }>(
      '{ rectificationCases(status: AWAITING_PLAN) { id targetId targetKind status } }',
      {},
      admin,
    );
    const open = all.data!.rectificationCases.find((c) => c.targetKind === 'DEPARTMENT')!;
    expect(open).toBeDefined();
    const staff: TokenClaims = { role: 'DEPARTMENT_STAFF', departmentId: open.targetId, sub: staffId(open.targetId, 1) };
    const plan = await hub.query(
      'mutation($id: ID!, $plan: String!) { submitRectificationPlan(caseId: $id, plan: $plan) { status } }',
      { id: open.id, plan: '每周二下沉社区接待，两周内逐条回复' },
      staff,
    );
    expect(plan.errors).toBeUndefined();
    const proposed = await hub.query<{ proposeDelegatedTask: { id: string } }>(
      'mutation($input: ProposeDelegatedTaskInput!) { proposeDelegatedTask(input: $input) { id } }',
      { input: { title: '社区健康档案更新', description: '协助更新辖区居民健康档案', communityId: 'community-minzu-02', budgetFen: 120_000 } },
      staff,
    );
    expect(proposed.errors).toBeUndefined();
    const unit = await department(open.targetId);
    const tail = unit.accountabilityTimeline.slice(-2).map((e) => [e.kind, e.subjectId]);
    expect(tail).toEqual([
      ['PLAN_SUBMITTED', open.id],
      ['TASK_PROPOSED', proposed.data!.proposeDelegatedTask.id],
    ]);
    expect(inOrder(unit.accountabilityTimeline)).toBe(true);
  });

  it('gives a street the same trail, and a staff member only the work sent to the communities they are assigned to', async () => {
    const res = await hub.query<{ street: Unit; staff: Unit & { assignedCommunities: { id: string }[] | null } }>(
      `query($s: ID!, $staff: ID!) { street(id: $s) { ${unitFields} } staff(id: $staff) { assignedCommunities { id } ${unitFields} } }`,
      { s: 'street-minzu', staff: staffId('dept-health', 2) },
    );
    expect(res.errors).toBeUndefined();
    const { street, staff } = res.data!;
    expect(inOrder(street.accountabilityTimeline)).toBe(true);
    expect(street.accountabilityTimeline.some((e) => e.kind === 'SCORE_PUBLISHED')).toBe(true);
    const assigned = new Set(staff.assignedCommunities!.map((c) => c.id));
    expect(staff.delegatedTasks.every((t) => assigned.has(t.communityId))).toBe(true);
    const taskEvents = staff.accountabilityTimeline.filter((e) => e.kind.startsWith('TASK_'));
    expect(taskEvents.every((e) => assigned.has(e.communityId!))).toBe(true);
    expect(inOrder(staff.accountabilityTimeline)).toBe(true);
  });

  it('costs the same number of statements for every department and street as for one', async () => {
    const count = async (query: string) => {
      const before = { d: hub.subgraphs.departments!.db.queries.count, e: hub.subgraphs.evaluations!.db.queries.count };
      const res = await hub.query(query);
      expect(res.errors).toBeUndefined();
      return { departments: hub.subgraphs.departments!.db.queries.count - before.d, evaluations: hub.subgraphs.evaluations!.db.queries.count - before.e };
    };
    const fields = 'evaluations { score } rectificationCases { id } commitments { id } delegatedTasks { id } accountabilityTimeline { at kind }';
    const one = await count(`{ department(id: "dept-health") { ${fields} } }`);
    const every = await count(`{ departments { ${fields} } streets { ${fields} } }`);
    // Streets and departments are fetched separately, so at most twice one unit's cost.
    expect(every.departments).toBeLessThanOrEqual(2 * one.departments + 1);
    expect(every.evaluations).toBeLessThanOrEqual(2 * one.evaluations);
    console.log(`accountability statements: one department ${JSON.stringify(one)}, all departments and streets ${JSON.stringify(every)}`);
  });

  it('refuses a limit outside 1–500 with BAD_USER_INPUT', async () => {
    for (const limit of [0, 501]) {
      const res = await hub.query('query($l: Int) { department(id: "dept-health") { accountabilityTimeline(limit: $l) { at } } }', { l: limit });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
