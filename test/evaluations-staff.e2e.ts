// Staff sent down to communities (工作重心下移) scored by those communities' representatives,
// through the gateway against the real committees, departments and evaluations subgraphs on
// their demo data: eligibility follows departments' current assignments, both demo campaigns
// score staff, and the appraisal feed shows staff results with the same k-minimum protection as
// any target.
import { demoCommunities, demoDepartments, demoStreets, type TokenClaims } from '@shequ/kit';
import { startTestFederation, type TestFederation } from '@shequ/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';
import evaluations from '../subgraphs/evaluations/src/index.js';
import { accepted, admin, cast, codeOf, levels, rep } from './evaluations-helpers.js';

// Departments without its outbox worker: its demo task funding has nothing to do with scoring.
const quietDepartments = { ...departments, workers: undefined };
const criteria = ['attitude', 'efficiency', 'commitments', 'support'];

interface Target {
  targetKind: string;
  targetId: string;
  eligibleVoters: number;
  staff: { id: string; name: string } | null;
}
interface DemoCampaign {
  id: string;
  status: string;
  minBallots: number;
  targets: Target[];
}

let hub: TestFederation;
let open: DemoCampaign;
let published: DemoCampaign;
/** Staff id → the communities departments has them assigned to. */
let assignments: Map<string, string[]>;

const campaignsQuery = `query($s: CampaignStatus) { campaigns(status: $s) { id status minBallots
  targets { targetKind targetId eligibleVoters staff { id name } } } }`;

async function demoCampaign(status: 'OPEN' | 'PUBLISHED'): Promise<DemoCampaign> {
  const res = await hub.query<{ campaigns: DemoCampaign[] }>(campaignsQuery, { s: status });
  accepted(res);
  expect(res.data!.campaigns).toHaveLength(1);
  return res.data!.campaigns[0]!;
}

const staffTargets = (c: DemoCampaign) => c.targets.filter((t) => t.targetKind === 'STAFF');

beforeAll(async () => {
  hub = await startTestFederation({ subgraphs: [committees, quietDepartments, evaluations] });
  [open, published] = await Promise.all([demoCampaign('OPEN'), demoCampaign('PUBLISHED')]);
  // Street by street: the whole district's assignments in one query cost more than the gateway allows.
  assignments = new Map();
  for (const street of demoStreets) {
    const res = await hub.query<{ street: { communities: { id: string; assignedStaff: { id: string }[] }[] } }>(
      'query($id: ID!) { street(id: $id) { communities { id assignedStaff { id } } } }',
      { id: street.id },
    );
    accepted(res);
    for (const c of res.data!.street.communities) {
      for (const { id } of c.assignedStaff) assignments.set(id, [...(assignments.get(id) ?? []), c.id]);
    }
  }
}, 240_000);
afterAll(() => hub?.close());

describe('staff as evaluation targets', () => {
  it('scores, in both demo campaigns, every staff member departments has assigned to a community', async () => {
    const assigned = new Set(assignments.keys());
    expect(assigned.size).toBeGreaterThan(50);
    for (const campaign of [open, published]) {
      const targets = staffTargets(campaign);
      expect(new Set(targets.map((t) => t.targetId)), campaign.status).toEqual(assigned);
      for (const t of targets) {
        // Resolved by departments: a real staff member, eligible voters = 15 per assigned community.
        expect(t.staff?.id).toBe(t.targetId);
        expect(t.staff!.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
        expect(t.eligibleVoters).toBe(15 * assignments.get(t.targetId)!.length);
      }
    }
  });

  it('lets a representative score a staff member assigned to their community, and not one who is not', async () => {
    const target = staffTargets(open).find((t) => assignments.get(t.targetId)!.length >= 2)!;
    const [home] = assignments.get(target.targetId)!;
    const outsider = demoCommunities.find((c) => !assignments.get(target.targetId)!.includes(c.id))!;
    const refused = await cast(hub, rep(outsider.id, 2), open.id, target.targetId, levels(criteria, [4, 4, 4, 4]));
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0]!.message).toMatch(/assigned to/);
    const ok = await cast(hub, rep(home!, 2), open.id, target.targetId, levels(criteria, [4, 5, 4, 5]));
    accepted(ok);
    expect(ok.data!.castBallot).toMatchObject({ targetId: target.targetId, targetKind: 'STAFF' });
  });

  it('checks the assignment as departments has it now: unassigned staff can no longer be scored there', async () => {
    const target = staffTargets(open).find((t) => assignments.get(t.targetId)!.length >= 2)!;
    const community = assignments.get(target.targetId)![1]!;
    const mutate = (op: 'assignStaffToCommunity' | 'unassignStaffFromCommunity') =>
      hub.query(`mutation($s: ID!, $c: ID!) { ${op}(staffId: $s, communityId: $c) { id } }`, { s: target.targetId, c: community }, admin);
    accepted(await cast(hub, rep(community, 3), open.id, target.targetId, levels(criteria, [3, 3, 3, 3])));
    accepted(await mutate('unassignStaffFromCommunity'));
    try {
      // Facts are cached for 30 s; a test does not wait that long.
      hub.subgraphs.evaluations!.shared.services.forgetFacts();
      expect(codeOf(await cast(hub, rep(community, 3), open.id, target.targetId, levels(criteria, [1, 1, 1, 1])))).toBe('FORBIDDEN');
    } finally {
      accepted(await mutate('assignStaffToCommunity'));
      hub.subgraphs.evaluations!.shared.services.forgetFacts();
    }
    accepted(await cast(hub, rep(community, 3), open.id, target.targetId, levels(criteria, [3, 3, 3, 3])));
  });

  it('refuses staff ballots from anyone but a representative', async () => {
    const target = staffTargets(open)[0]!;
    const home = assignments.get(target.targetId)![0]!;
    const committeeStaff: TokenClaims = { role: 'COMMITTEE_STAFF', communityId: home, sub: 'clerk-1' };
    expect(codeOf(await cast(hub, committeeStaff, open.id, target.targetId, levels(criteria, [5, 5, 5, 5])))).toBe('FORBIDDEN');
    expect(codeOf(await cast(hub, null as unknown as TokenClaims, open.id, target.targetId, levels(criteria, [5, 5, 5, 5])))).toBe('UNAUTHENTICATED');
  });
});

describe('the appraisal feed for the civil-servant appraisal (公务员考核)', () => {
  interface Entry {
    targetKind: string;
    targetId: string;
    ballotCount: number;
    score: number | null;
    grade: string | null;
    rank: number | null;
    satisfactionRate: number | null;
    staff: { name: string; department: { id: string } | null; street: { id: string } | null } | null;
  }
  const feedQuery = `query($id: ID!, $k: EvaluationTargetKind) { appraisal(campaignId: $id, kind: $k) {
    targetKind targetId ballotCount score grade rank satisfactionRate staff { name department { id } street { id } } } }`;

  it('shows staff results of the published campaign, hiding every score of a staff member below the minimum', async () => {
    const res = await hub.query<{ appraisal: Entry[] }>(feedQuery, { id: published.id, k: 'STAFF' });
    accepted(res);
    const feed = res.data!.appraisal;
    expect(feed.map((e) => e.targetId).sort()).toEqual(
      staffTargets(published)
        .map((t) => t.targetId)
        .sort(),
    );
    const k = published.minBallots;
    const scored = feed.filter((e) => e.ballotCount >= k);
    const hidden = feed.filter((e) => e.ballotCount < k);
    expect(scored.length).toBeGreaterThan(0);
    expect(hidden.length, 'some demo staff have fewer ballots than the minimum').toBeGreaterThan(0);
    for (const e of scored) {
      expect(e.targetKind).toBe('STAFF');
      expect(e.score).toBeGreaterThanOrEqual(0);
      expect(e.grade).not.toBeNull();
      expect(e.rank).toBeGreaterThan(0);
      expect(e.staff!.name).toBeTruthy();
      expect(Boolean(e.staff!.department) !== Boolean(e.staff!.street)).toBe(true);
    }
    for (const e of hidden) expect([e.score, e.grade, e.rank, e.satisfactionRate]).toEqual([null, null, null, null]);
    // Ranked among the staff only, best first.
    expect(scored.map((e) => e.rank)).toEqual([...scored.map((e) => e.rank!)].sort((a, b) => a - b));
    expect(scored[0]!.rank).toBe(1);
    for (let i = 1; i < scored.length; i++) expect(scored[i]!.score!).toBeLessThanOrEqual(scored[i - 1]!.score!);
  });

  it('lists staff after departments and streets in the whole feed', async () => {
    const res = await hub.query<{ appraisal: Entry[] }>(feedQuery, { id: published.id });
    accepted(res);
    const kinds = res.data!.appraisal.map((e) => e.targetKind);
    const units = demoDepartments.length + demoStreets.length;
    expect(kinds.indexOf('STAFF')).toBe(units);
    expect(new Set(kinds.slice(units))).toEqual(new Set(['STAFF']));
  });

  it("keeps the open campaign's staff scores from the public", async () => {
    const res = await hub.query<{ campaign: { results: unknown[] | null } }>(
      'query($id: ID!) { campaign(id: $id) { results(kind: STAFF) { targetId score } } }',
      { id: open.id },
    );
    expect(codeOf(res) ?? null).not.toBeNull();
    const asAdmin = await hub.query<{ campaign: { results: { targetId: string }[] } }>(
      'query($id: ID!) { campaign(id: $id) { results(kind: STAFF) { targetId score } } }',
      { id: open.id },
      admin,
    );
    accepted(asAdmin);
    expect(asAdmin.data!.campaign.results).toHaveLength(staffTargets(open).length);
  });
});
