// Results through the gateway, checked against numbers worked out by hand from known weighted
// ballots: scores, grades, ranks with a tie, satisfaction rates, the k-threshold, replaced and
// retried ballots counted once, who may see scores when, and the appraisal feed.
import type { TokenClaims } from '@shequ/kit';
import { startTestFederation, type TestFederation } from '@shequ/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';
import evaluations from '../subgraphs/evaluations/src/index.js';
import { accepted, admin, cast, codeOf, levels, openCampaign, rep } from './evaluations-helpers.js';

// Weights 0.4 / 0.35 / 0.25: a ballot's score is (40·a + 35·e + 25·s) / 100.
const keys = ['attitude', 'efficiency', 'support'];
const L = (...v: number[]) => levels(keys, v);
const observer = { role: 'OBSERVER' as const, sub: 'observer-npc-1' };

const resultsQuery = `query($id: ID!) { campaign(id: $id) { status results {
  targetId targetKind ballotCount meetsMinBallots score grade rank satisfactionRate badReviews comments
  criteria { key meanLevel } department { name } street { name } } } }`;

type Result = {
  targetId: string;
  ballotCount: number;
  score: number | null;
  grade: string | null;
  rank: number | null;
  satisfactionRate: number | null;
  badReviews: number | null;
  meetsMinBallots: boolean;
  comments: string[] | null;
  criteria: { key: string; meanLevel: number }[] | null;
  department: { name: string } | null;
  street: { name: string } | null;
};

describe('evaluation results through the gateway', () => {
  let hub: TestFederation;
  let id: string;
  const A = 'community-minzu-01'; // department voters
  const B = 'community-minzu-02'; // street-minzu voters
  const H = 'community-hualou-01'; // street-hualou voters

  beforeAll(async () => {
    hub = await startTestFederation({ subgraphs: [committees, departments, evaluations] });
    id = await openCampaign(hub, {
      targets: [
        ...['dept-sanitation', 'dept-city-appearance', 'dept-health', 'dept-culture', 'dept-public-security', 'dept-family-planning'].map((d) => ({
          kind: 'DEPARTMENT' as const,
          id: d,
        })),
        { kind: 'STREET', id: 'street-minzu' },
        { kind: 'STREET', id: 'street-hualou' },
      ],
      criteria: [
        { key: 'attitude', label: '服务态度', weight: 0.4 },
        { key: 'efficiency', label: '办事效率', weight: 0.35 },
        { key: 'support', label: '支持社区', weight: 0.25 },
      ],
      minBallots: 3,
      observerIds: ['observer-npc-1'],
    });
    const ballots: [string, string, number, number[], string?][] = [
      // dept-sanitation: 500 + 500 + 500 + 460 → score 25·(1960 − 400)/400 = 97.5
      ...[
        [5, 5, 5],
        [5, 5, 5],
        [5, 5, 5],
        [4, 5, 5],
      ].map((v, i): [string, string, number, number[]] => ['dept-sanitation', A, i + 1, v]),
      // dept-city-appearance: 5 × 460 → exactly 90.00, EXCELLENT
      ...[1, 2, 3, 4, 5].map((n): [string, string, number, number[]] => ['dept-city-appearance', A, n, [4, 5, 5]]),
      // dept-health: 500 + 400 + 300 + 415 = 1615 → 25·1215/400 = 75.9375 → 75.94
      ['dept-health', A, 2, [4, 4, 4]],
      ['dept-health', A, 3, [3, 3, 3]],
      ['dept-health', A, 4, [5, 4, 3]],
      // dept-culture: 500 + 500 + 200 + 415 = 1615 as well: the tie; one bad review (200 < 300)
      ['dept-culture', A, 1, [5, 5, 5]],
      ['dept-culture', A, 2, [5, 5, 5]],
      ['dept-culture', A, 3, [2, 2, 2], '等了一个月没人回复，请联系 13812345678'],
      ['dept-culture', A, 4, [5, 4, 3], '态度很好'],
      // dept-public-security: 135 + 275 + 140 = 550 → 25·250/300 = 20.8333 → 20.83, all bad
      ['dept-public-security', A, 1, [1, 2, 1]],
      ['dept-public-security', A, 2, [3, 3, 2]],
      ['dept-public-security', A, 3, [2, 1, 1]],
      // street-minzu by its own community: 315 + 290 + 475 = 1080 → 25·780/300 = 65, 2 of 3 satisfied
      ['street-minzu', B, 1, [4, 3, 2]],
      ['street-minzu', B, 2, [3, 2, 4], '路灯坏了很久'],
      ['street-minzu', B, 3, [5, 5, 4]],
      // street-hualou: only 2 ballots, below minBallots 3; one of them a bad review
      ['street-hualou', H, 1, [2, 2, 2]],
      ['street-hualou', H, 2, [4, 4, 4]],
    ];
    // dept-health's first voter changes their mind: their first ballot is replaced, and a retry
    // of the first request (same idempotency key) must not bring it back.
    accepted(await cast(hub, rep(A, 1), id, 'dept-health', L(1, 1, 1), { key: 'health-first-try' }));
    for (const [target, community, n, v, comment] of ballots) accepted(await cast(hub, rep(community, n), id, target, L(...v), { comment }));
    const replaced = await cast(hub, rep(A, 1), id, 'dept-health', L(5, 5, 5), { key: 'health-second-try' });
    expect(replaced.data?.castBallot.replacedPrevious).toBe(true);
    const retry = await cast(hub, rep(A, 1), id, 'dept-health', L(1, 1, 1), { key: 'health-first-try' });
    accepted(retry);
    expect(retry.data?.castBallot.replacedPrevious).toBe(false);
  });
  afterAll(() => hub?.close());

  const results = async (as = admin) => {
    const res = await hub.query<{ campaign: { results: Result[] } }>(resultsQuery, { id }, as);
    accepted(res);
    return new Map(res.data!.campaign.results.map((r) => [r.targetId, r]));
  };

  it('while OPEN shows each target as last released: every minBallots ballots, ranked among released states', async () => {
    const r = await results();
    const pick = (t: string) => [r.get(t)!.ballotCount, r.get(t)!.score, r.get(t)!.rank];
    // Released at their 3rd ballot (minBallots 3); later ballots wait for two more.
    expect(pick('dept-sanitation')).toEqual([3, 100, 1]); // 500 + 500 + 500; the 4th (460) is pending
    expect(pick('dept-city-appearance')).toEqual([3, 90, 2]);
    expect(pick('dept-culture')).toEqual([3, 75, 3]); // 500 + 500 + 200
    // rep 1's first ballot (111) was released with reps 2 and 3; its replacement and rep 4 are pending.
    expect(pick('dept-health')).toEqual([3, 41.67, 4]); // 100 + 400 + 300
    expect(pick('dept-public-security')).toEqual([3, 20.83, 5]);
    expect(pick('street-minzu')).toEqual([3, 65, 1]);
    // Two ballots, never released: nothing, not even the count, until the campaign closes.
    expect(r.get('street-hualou')).toMatchObject({ ballotCount: 0, meetsMinBallots: false, score: null, rank: null });
    expect(r.get('dept-family-planning')).toMatchObject({ ballotCount: 0, meetsMinBallots: false, score: null, rank: null });
  });

  it('keeps per-criterion means and comments back while OPEN, so live results cannot be differenced into one ballot', async () => {
    const r = await results();
    expect([...r.values()].every((x) => x.criteria === null && x.comments === null)).toBe(true);
  });

  it('shows live scores during OPEN only to district administrators and named observers; turnout to all', async () => {
    const progress = await hub.query(`query($id: ID!) { campaign(id: $id) { progress { ballotsCast eligibleBallots } results { score } } }`, { id });
    // 25 ballots: the replaced one and the retry count once. Eligible: 6 departments × 112 communities × 15, minzu-street and hualou-street communities × 15.
    expect(progress.data?.campaign).toEqual({ progress: { ballotsCast: 25, eligibleBallots: 6 * 112 * 15 + 8 * 15 + 9 * 15 }, results: null });
    expect(codeOf(progress)).toBe('UNAUTHENTICATED');
    expect(codeOf(await hub.query(resultsQuery, { id }, rep(A, 1)))).toBe('FORBIDDEN');
    expect(codeOf(await hub.query(resultsQuery, { id }, { role: 'OBSERVER', sub: 'someone-else' }))).toBe('FORBIDDEN');
    expect((await results(observer)).get('dept-sanitation')!.score).toBe(100);
    const single = await hub.query(
      `query($id: ID!) { evaluationResult(campaignId: $id, targetId: "dept-health") { score } }`,
      { id },
      { role: 'DEPARTMENT_STAFF', departmentId: 'dept-health' },
    );
    expect(codeOf(single)).toBe('FORBIDDEN');
  });

  it('never ties a ballot to a representative: not in the database, not in any answer', async () => {
    const prisma = hub.subgraphs.evaluations!.db.prisma as unknown as { $queryRawUnsafe<T>(q: string): Promise<T> };
    const stored =
      JSON.stringify(await prisma.$queryRawUnsafe<unknown[]>('SELECT * FROM "Ballot"')) +
      JSON.stringify(await prisma.$queryRawUnsafe<unknown[]>('SELECT * FROM "CastRequest"'));
    expect(stored).not.toMatch(/rep-minzu|rep-hualou|13812345678/);
    const everything = await hub.query(
      `query($id: ID!) { campaign(id: $id) { results { comments targetId } } rectificationCases(campaignId: $id) { id } }`,
      { id },
      admin,
    );
    expect(JSON.stringify(everything)).not.toMatch(/rep-|13812345678/);
  });

  it('rejects bad ballots with clear errors and writes nothing', async () => {
    const before = (await results()).get('dept-health')!.ballotCount;
    expect(codeOf(await cast(hub, rep(A, 9), id, 'dept-health', levels(['attitude', 'efficiency'], [5, 5])))).toBe('BAD_USER_INPUT');
    expect(codeOf(await cast(hub, rep(A, 9), id, 'dept-health', L(5, 6, 5)))).toBe('BAD_USER_INPUT');
    expect(codeOf(await cast(hub, rep(A, 9), id, 'dept-health', [...L(5, 5, 5), { criterion: 'bribes', level: 5 }]))).toBe('BAD_USER_INPUT');
    expect(codeOf(await cast(hub, rep(A, 9), id, 'street-xinhua', L(5, 5, 5)))).toBe('BAD_USER_INPUT');
    expect(codeOf(await cast(hub, rep(A, 9), id, 'dept-health', L(5, 5, 5), { comment: 'x'.repeat(501) }))).toBe('BAD_USER_INPUT');
    // An idempotency key reused for a different ballot is a conflict, not a silent replay.
    expect(codeOf(await cast(hub, rep(A, 1), id, 'dept-health', L(2, 2, 2), { key: 'health-second-try' }))).toBe('CONFLICT');
    expect(codeOf(await cast(hub, { role: 'COMMITTEE_STAFF', communityId: A }, id, 'dept-health', L(5, 5, 5)))).toBe('FORBIDDEN');
    expect(codeOf(await cast(hub, null as never, id, 'dept-health', L(5, 5, 5)))).toBe('UNAUTHENTICATED');
    expect(codeOf(await cast(hub, rep(A, 9), 'campaign-nope', 'dept-health', L(5, 5, 5)))).toBe('NOT_FOUND');
    expect((await results()).get('dept-health')!.ballotCount).toBe(before);
  });

  it('only district administrators define and run campaigns; only drafts are editable', async () => {
    const input = {
      title: 't',
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
      targets: [{ kind: 'DEPARTMENT', id: 'dept-health' }],
      criteria: [{ key: 'a', label: 'A', weight: 1 }],
    };
    const create = 'mutation($input: CampaignInput!) { createCampaign(input: $input) { id } }';
    expect(codeOf(await hub.query(create, { input }, rep(A, 1)))).toBe('FORBIDDEN');
    expect(codeOf(await hub.query(create, { input: { ...input, criteria: [{ key: 'a', label: 'A', weight: 0 }] } }, admin))).toBe('BAD_USER_INPUT');
    expect(codeOf(await hub.query(create, { input: { ...input, criteria: [{ key: 'a', label: 'A', weight: 0.333 }] } }, admin))).toBe('BAD_USER_INPUT');
    expect(codeOf(await hub.query(create, { input: { ...input, periodEnd: '2025-12-31' } }, admin))).toBe('BAD_USER_INPUT');
    expect(codeOf(await hub.query('mutation($id: ID!, $input: CampaignInput!) { updateCampaign(id: $id, input: $input) { id } }', { id, input }, admin))).toBe(
      'CONFLICT',
    );
    expect(codeOf(await hub.query('mutation($id: ID!) { openCampaign(id: $id) { id } }', { id }, admin))).toBe('CONFLICT');
    expect(codeOf(await hub.query('mutation($id: ID!) { publishCampaign(id: $id) { id } }', { id }, admin))).toBe('CONFLICT');
    const unknown = await hub.query<{ createCampaign: { id: string } }>(
      create,
      { input: { ...input, targets: [{ kind: 'STAFF', id: 'staff-nobody' }] } },
      admin,
    );
    expect(codeOf(await hub.query('mutation($id: ID!) { openCampaign(id: $id) { id } }', { id: unknown.data!.createCampaign.id }, admin))).toBe(
      'BAD_USER_INPUT',
    );
    // Still a DRAFT: no ballots yet.
    expect(codeOf(await cast(hub, rep(A, 1), unknown.data!.createCampaign.id, 'staff-nobody', levels(['a'], [5])))).toBe('CONFLICT');
  });

  describe('after closing and publishing', () => {
    beforeAll(async () => {
      accepted(await hub.query('mutation($id: ID!) { closeCampaign(id: $id) { status } }', { id }, admin));
    });

    it('rejects ballots once closed', async () => {
      expect(codeOf(await cast(hub, rep(A, 10), id, 'dept-health', L(5, 5, 5)))).toBe('CONFLICT');
    });

    it('computes exact scores, grades, ranks with a tie, and satisfaction rates', async () => {
      const r = await results();
      const pick = (t: string) => ({
        score: r.get(t)!.score,
        grade: r.get(t)!.grade,
        rank: r.get(t)!.rank,
        satisfactionRate: r.get(t)!.satisfactionRate,
        badReviews: r.get(t)!.badReviews,
        ballots: r.get(t)!.ballotCount,
      });
      expect(pick('dept-sanitation')).toEqual({ score: 97.5, grade: 'EXCELLENT', rank: 1, satisfactionRate: 1, badReviews: 0, ballots: 4 });
      expect(pick('dept-city-appearance')).toEqual({ score: 90, grade: 'EXCELLENT', rank: 2, satisfactionRate: 1, badReviews: 0, ballots: 5 });
      expect(pick('dept-health')).toEqual({ score: 75.94, grade: 'GOOD', rank: 3, satisfactionRate: 1, badReviews: 0, ballots: 4 });
      expect(pick('dept-culture')).toEqual({ score: 75.94, grade: 'GOOD', rank: 3, satisfactionRate: 0.75, badReviews: 1, ballots: 4 });
      expect(pick('dept-public-security')).toEqual({ score: 20.83, grade: 'FAIL', rank: 5, satisfactionRate: 0, badReviews: 3, ballots: 3 });
      // Streets rank among streets only.
      expect(pick('street-minzu')).toEqual({ score: 65, grade: 'PASS', rank: 1, satisfactionRate: 0.6667, badReviews: 1, ballots: 3 });
      expect(r.get('dept-culture')!.department).toEqual({ name: '文化局' });
      expect(r.get('street-minzu')!.street).toEqual({ name: '民族街道' });
    });

    it('hides scores, grade, rank and comments below minBallots, showing only the count, also once closed', async () => {
      const r = await results();
      expect(r.get('street-hualou')).toMatchObject({
        ballotCount: 2,
        meetsMinBallots: false,
        score: null,
        grade: null,
        rank: null,
        satisfactionRate: null,
        badReviews: null,
        criteria: null,
        comments: null,
      });
      expect(r.get('dept-family-planning')).toMatchObject({ ballotCount: 0, meetsMinBallots: false, score: null, rank: null });
    });

    it('shows per-criterion means and the anonymised comments, sorted and detached from ballots', async () => {
      const r = await results();
      expect(r.get('dept-health')!.criteria).toEqual([
        { key: 'attitude', meanLevel: 4.25 },
        { key: 'efficiency', meanLevel: 4 },
        { key: 'support', meanLevel: 3.75 },
      ]);
      expect(r.get('dept-culture')!.comments).toEqual(['等了一个月没人回复，请联系 ***', '态度很好'].sort((a, b) => a.localeCompare(b, 'zh')));
      expect(r.get('street-hualou')!.comments).toBeNull();
    });

    it('opened a rectification case for every target with a bad review, with count, anonymised comments, communities and deadline', async () => {
      const res = await hub.query<{ rectificationCases: Record<string, unknown>[] }>(
        `query($id: ID!) { rectificationCases(campaignId: $id) { targetId targetKind badReviews comments affectedCommunities { id } status overdue openedOn deadline department { name } } }`,
        { id },
        admin,
      );
      accepted(res);
      const cases = new Map(res.data!.rectificationCases.map((c) => [c.targetId as string, c]));
      expect([...cases.keys()].sort()).toEqual(['dept-culture', 'dept-public-security', 'street-minzu']);
      expect(cases.get('dept-culture')).toMatchObject({
        badReviews: 1,
        comments: ['等了一个月没人回复，请联系 ***'],
        affectedCommunities: [{ id: A }],
        status: 'AWAITING_PLAN',
        overdue: false,
        department: { name: '文化局' },
      });
      expect(cases.get('dept-public-security')).toMatchObject({ badReviews: 3, comments: [], affectedCommunities: [{ id: A }] });
      expect(cases.get('street-minzu')).toMatchObject({ badReviews: 1, comments: ['路灯坏了很久'], affectedCommunities: [{ id: B }] });
      // Below minBallots a case would tell how many bad reviews, from which community, with what
      // comments: too few ballots to hide behind, so street-hualou (one bad review of two) gets none.
      expect(cases.has('street-hualou')).toBe(false);
      const { openedOn, deadline } = cases.get('dept-culture') as { openedOn: string; deadline: string };
      expect(workingDaysBetween(openedOn, deadline)).toBe(15);
    });

    it('runs the rectification workflow: plan by the target, verification by the affected assemblies, appeal decided by the district', async () => {
      const list = await hub.query<{ rectificationCases: { id: string; targetId: string }[] }>(
        'query($id: ID!) { rectificationCases(campaignId: $id) { id targetId } }',
        { id },
        admin,
      );
      const caseOf = new Map(list.data!.rectificationCases.map((c) => [c.targetId, c.id]));
      const fields = '{ status revisionNote verifications { accepted } }';
      type Case = { r: { status: string; revisionNote: string | null; verifications: { accepted: boolean }[] } };
      const act = (operation: string, vars: Record<string, unknown>, as: TokenClaims) =>
        hub.query<Case>(`mutation${operation.replace('$FIELDS', fields)}`, vars, as);
      const plan = (caseId: string, as: TokenClaims) =>
        act(
          '($id: ID!, $plan: String!) { r: submitRectificationPlan(caseId: $id, plan: $plan) $FIELDS }',
          { id: caseId, plan: '一周内逐项回复，每月到社区现场办公' },
          as,
        );
      const verify = (caseId: string, yes: boolean, as: TokenClaims, note?: string) =>
        act(
          '($id: ID!, $yes: Boolean!, $note: String) { r: verifyRectification(caseId: $id, accepted: $yes, note: $note) $FIELDS }',
          { id: caseId, yes, note },
          as,
        );
      const culture = caseOf.get('dept-culture')!;
      const cultureStaff: TokenClaims = { role: 'DEPARTMENT_STAFF', departmentId: 'dept-culture', sub: 'culture-officer' };

      // Only the target's own staff submit the plan; only affected assemblies verify it.
      expect(codeOf(await plan(culture, { role: 'DEPARTMENT_STAFF', departmentId: 'dept-health' }))).toBe('FORBIDDEN');
      expect(codeOf(await verify(culture, true, rep(A, 1)))).toBe('CONFLICT'); // no plan yet
      expect((await plan(culture, cultureStaff)).data?.r.status).toBe('PLAN_SUBMITTED');
      expect(codeOf(await plan(culture, cultureStaff))).toBe('CONFLICT');
      expect(codeOf(await verify(culture, true, rep(B, 1)))).toBe('FORBIDDEN');
      expect((await verify(culture, true, rep(A, 7))).data?.r).toEqual({ status: 'VERIFIED', revisionNote: null, verifications: [{ accepted: true }] });

      // An assembly may send a plan back, with a reason.
      const minzu = caseOf.get('street-minzu')!;
      accepted(await plan(minzu, { role: 'STREET_STAFF', streetId: 'street-minzu' }));
      expect(codeOf(await verify(minzu, false, rep(B, 4)))).toBe('BAD_USER_INPUT');
      expect((await verify(minzu, false, rep(B, 4), '路灯还是没修')).data?.r).toMatchObject({ status: 'AWAITING_PLAN', revisionNote: '路灯还是没修' });

      // An appeal, once; the district administrator decides.
      const security = caseOf.get('dept-public-security')!;
      const securityStaff: TokenClaims = { role: 'DEPARTMENT_STAFF', departmentId: 'dept-public-security' };
      const appeal = () =>
        act(
          '($id: ID!, $reason: String!) { r: appealRectificationCase(caseId: $id, reason: $reason) $FIELDS }',
          { id: security, reason: '差评反映的是其他部门的职责' },
          securityStaff,
        );
      expect((await appeal()).data?.r.status).toBe('APPEALED');
      expect(codeOf(await appeal())).toBe('CONFLICT');
      expect(codeOf(await plan(security, securityStaff))).toBe('CONFLICT');
      const decide = (as: TokenClaims) =>
        act('($id: ID!) { r: decideRectificationAppeal(caseId: $id, upheld: true, note: "经核实属实") $FIELDS }', { id: security }, as);
      expect(codeOf(await decide(securityStaff))).toBe('FORBIDDEN');
      expect((await decide(admin)).data?.r.status).toBe('DISMISSED');

      // Past its deadline and unresolved, a case is flagged overdue.
      const prisma = hub.subgraphs.evaluations!.db.prisma as unknown as { rectificationCase: { update(a: object): Promise<unknown> } };
      await prisma.rectificationCase.update({ where: { id: minzu }, data: { deadline: new Date('2026-01-02T00:00:00Z') } });
      const overdue = await hub.query<{ rectificationCases: { targetId: string; overdue: boolean }[] }>(
        'query($id: ID!) { rectificationCases(campaignId: $id, overdue: true) { targetId overdue } }',
        { id },
        admin,
      );
      expect(overdue.data!.rectificationCases).toEqual([{ targetId: 'street-minzu', overdue: true }]);
    });

    it('shows cases before publication only to those who act on them or oversee them', async () => {
      const seen = async (as: TokenClaims | null) =>
        (await hub.query<{ rectificationCases: { targetId: string }[] }>('query($id: ID!) { rectificationCases(campaignId: $id) { targetId } }', { id }, as))
          .data!.rectificationCases.map((c) => c.targetId)
          .sort();
      expect(await seen(null)).toEqual([]);
      expect(await seen(rep(B, 9))).toEqual(['street-minzu']);
      expect(await seen({ role: 'DEPARTMENT_STAFF', departmentId: 'dept-culture' })).toEqual(['dept-culture']);
      expect(await seen(observer)).toHaveLength(3);
    });

    it('publishes: results and the appraisal feed become public', async () => {
      accepted(await hub.query('mutation($id: ID!) { publishCampaign(id: $id) { status } }', { id }, admin));
      expect((await results(null as never)).get('dept-culture')!.score).toBe(75.94);
      const feed = await hub.query<{
        appraisal: {
          targetId: string;
          rank: number | null;
          score: number | null;
          grade: string | null;
          satisfactionRate: number | null;
          rectificationStatus: string | null;
          department: { name: string } | null;
        }[];
      }>(
        `query($id: ID!) { appraisal(campaignId: $id, kind: DEPARTMENT) { targetId rank score grade satisfactionRate rectificationStatus rectificationOverdue department { name } } }`,
        { id },
      );
      accepted(feed);
      expect(feed.data!.appraisal.map((e) => [e.targetId, e.rank, e.rectificationStatus])).toEqual([
        ['dept-sanitation', 1, null],
        ['dept-city-appearance', 2, null],
        ['dept-culture', 3, 'VERIFIED'],
        ['dept-health', 3, null],
        ['dept-public-security', 5, 'DISMISSED'],
        ['dept-family-planning', null, null],
      ]);
      expect(feed.data!.appraisal[0]).toMatchObject({ score: 97.5, grade: 'EXCELLENT', satisfactionRate: 1, department: { name: '市容环境卫生局' } });
      const streets = await hub.query<{ appraisal: unknown[] }>(
        'query($id: ID!) { appraisal(campaignId: $id, kind: STREET) { targetId rank rectificationStatus rectificationOverdue street { name } } }',
        { id },
      );
      expect(streets.data!.appraisal).toEqual([
        { targetId: 'street-minzu', rank: 1, rectificationStatus: 'AWAITING_PLAN', rectificationOverdue: true, street: { name: '民族街道' } },
        { targetId: 'street-hualou', rank: null, rectificationStatus: null, rectificationOverdue: false, street: { name: '花楼街道' } },
      ]);
      // Published cases are public (anonymised comments included).
      expect((await hub.query('query($id: ID!) { rectificationCases(campaignId: $id) { targetId } }', { id })).data!.rectificationCases).toHaveLength(3);
    });
  });
});

/** Monday–Friday days after `from` up to and including `to`. */
function workingDaysBetween(from: string, to: string): number {
  let n = 0;
  for (let d = new Date(`${from}T00:00:00Z`); d < new Date(`${to}T00:00:00Z`); ) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) n++;
  }
  return n;
}
