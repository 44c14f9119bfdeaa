// The one commitment system (承诺制) through the gateway: a department, a street or a service point
// proposes a commitment to communities; those communities' clerks assess it (KEPT or BROKEN, with
// evidence and a date, once each); the owner never grades its own; the status follows from the
// assessments, and the broken ones count against the owner wherever the district looks at it.
import { demoCommunities, type TokenClaims } from '@shequ/kit';
import { postgresAvailable, startTestFederation, type TestFederation } from '@shequ/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';
import services from '../subgraphs/services/src/index.js';
import { departmentsDb, health } from './departments-helpers.js';

const pgUp = await postgresAvailable();
// One federation per file (it is the slow part): on PostgreSQL where it runs, where two clerks'
// assessments really arrive at once.
const database = pgUp ? 'postgres' : 'pglite';
if (!pgUp) console.warn('departments-commitments.e2e: PostgreSQL is not reachable; running on PGlite, where transactions never overlap');

const fields =
  'id ownerType ownerId status overdue deadline proposedByRole resolvedAt communities { id } awaitingAssessment { id } assessments { communityId verdict evidence assessedOn community { id name } }';
const propose = `mutation($i: ProposeCommitmentInput!) { proposeCommitment(input: $i) { ${fields} department { id } street { id } servicePoint { id } } }`;
const assess = `mutation($i: AssessCommitmentInput!) { assessCommitment(input: $i) { ${fields} } }`;
const counts = 'kept broken pending overdue total';
const code = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.code;
const clerk = (communityId: string): TokenClaims => ({ role: 'COMMITTEE_STAFF', communityId });
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
// The district's day (UTC+8), which is what "not in the future" is measured against.
const districtToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

interface Counts {
  kept: number;
  broken: number;
  pending: number;
  overdue: number;
  total: number;
}
interface Assessment {
  communityId: string;
  verdict: string;
  evidence: string;
  assessedOn: string;
  community: { id: string; name: string } | null;
}
interface CommitmentView {
  id: string;
  ownerType: string;
  ownerId: string;
  status: string;
  overdue: boolean;
  deadline: string;
  proposedByRole: string;
  resolvedAt: string | null;
  communities: { id: string }[];
  awaitingAssessment: { id: string }[];
  assessments: Assessment[];
}

describe(`commitments proposed by their owners and assessed by their communities, through the gateway on ${database}`, () => {
  let hub: TestFederation;
  beforeAll(async () => {
    hub = await startTestFederation({ subgraphs: [committees, departments, services], database });
  }, 240_000);
  afterAll(() => hub?.close());

  const healthCounts = async () =>
    (await hub.query<{ department: { commitmentCounts: Counts } }>(`{ department(id: "dept-health") { commitmentCounts { ${counts} } } }`)).data!.department
      .commitmentCounts;
  const proposal = (over: Record<string, unknown> = {}) => ({
    ownerType: 'DEPARTMENT',
    ownerId: 'dept-health',
    title: '家庭医生签约服务',
    target: '重点人群签约率不低于80%',
    deadline: day(60),
    communityIds: ['community-minzu-01', 'community-minzu-02'],
    ...over,
  });
  const assessment = (commitmentId: string, over: Record<string, unknown> = {}) => ({
    commitmentId,
    verdict: 'KEPT',
    evidence: '社区成员代表大会核查：签约率达到83%',
    assessedOn: districtToday(),
    ...over,
  });

  it("lets a clerk of a community it was made to assess a department's commitment, once, with evidence and a date; the owner only proposes", async () => {
    const before = await healthCounts();
    expect(code(await hub.query(propose, { i: proposal() }, null))).toBe('UNAUTHENTICATED');
    expect(code(await hub.query(propose, { i: proposal({ ownerId: 'dept-culture' }) }, health))).toBe('FORBIDDEN');
    expect(code(await hub.query(propose, { i: proposal() }, clerk('community-minzu-01')))).toBe('FORBIDDEN');
    expect(code(await hub.query(propose, { i: proposal({ deadline: '2001-01-01' }) }, health))).toBe('BAD_USER_INPUT');
    expect(code(await hub.query(propose, { i: proposal({ communityIds: [] }) }, health))).toBe('BAD_USER_INPUT');
    expect(code(await hub.query(propose, { i: proposal({ communityIds: ['community-nowhere'] }) }, health))).toBe('NOT_FOUND');
    const made = await hub.query<{ proposeCommitment: CommitmentView & { department: { id: string } } }>(propose, { i: proposal() }, health);
    expect(made.errors).toBeUndefined();
    const c = made.data!.proposeCommitment;
    expect(c).toMatchObject({ status: 'PENDING', proposedByRole: 'DEPARTMENT_STAFF', department: { id: 'dept-health' }, assessments: [], resolvedAt: null });
    expect(c.communities).toEqual([{ id: 'community-minzu-01' }, { id: 'community-minzu-02' }]);

    // The owner cannot grade its own; nor the district in the communities' place; nor a community it was not made to.
    for (const as of [
      health,
      { role: 'DISTRICT_ADMIN' } as TokenClaims,
      { role: 'STREET_STAFF', streetId: 'street-minzu' } as TokenClaims,
      clerk('community-hualou-01'),
    ]) {
      expect(code(await hub.query(assess, { i: assessment(c.id) }, as)), JSON.stringify(as)).toBe('FORBIDDEN');
    }
    expect(code(await hub.query(assess, { i: assessment(c.id) }, null))).toBe('UNAUTHENTICATED');
    const minzu01 = clerk('community-minzu-01');
    expect(code(await hub.query(assess, { i: assessment(c.id, { evidence: '   ' }) }, minzu01))).toBe('BAD_USER_INPUT');
    expect(code(await hub.query(assess, { i: assessment(c.id, { assessedOn: day(3) }) }, minzu01))).toBe('BAD_USER_INPUT');
    expect(code(await hub.query(assess, { i: assessment(c.id, { assessedOn: 'yesterday' }) }, minzu01))).toBe('BAD_USER_INPUT');
    // Not due yet: it can still be kept, so it cannot be judged broken.
    expect(code(await hub.query(assess, { i: assessment(c.id, { verdict: 'BROKEN', evidence: '还没有完成' }) }, minzu01))).toBe('BAD_USER_INPUT');
    expect(code(await hub.query(assess, { i: assessment('commitment-nope') }, minzu01))).toBe('NOT_FOUND');
    expect(await departmentsDb(hub).commitmentAssessment.count({ where: { commitmentId: c.id } })).toBe(0);

    const first = await hub.query<{ assessCommitment: CommitmentView }>(assess, { i: assessment(c.id) }, minzu01);
    expect(first.errors).toBeUndefined();
    expect(first.data!.assessCommitment).toMatchObject({ status: 'PENDING', awaitingAssessment: [{ id: 'community-minzu-02' }], resolvedAt: null });
    expect(first.data!.assessCommitment.assessments).toEqual([
      {
        communityId: 'community-minzu-01',
        verdict: 'KEPT',
        evidence: '社区成员代表大会核查：签约率达到83%',
        assessedOn: districtToday(),
        community: { id: 'community-minzu-01', name: expect.any(String) },
      },
    ]);
    const twice = await hub.query(assess, { i: assessment(c.id, { verdict: 'KEPT', evidence: '再评一次' }) }, minzu01);
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', communityId: 'community-minzu-01' });

    // The last community's verdict makes it KEPT; its evidence is public, so a phone number in it is not.
    const last = await hub.query<{ assessCommitment: CommitmentView }>(
      assess,
      { i: assessment(c.id, { evidence: '居民代表回访均已签约，联系人电话13812345678' }) },
      clerk('community-minzu-02'),
    );
    expect(last.errors).toBeUndefined();
    const kept = last.data!.assessCommitment;
    expect(kept).toMatchObject({ status: 'KEPT', awaitingAssessment: [] });
    expect(kept.resolvedAt).toBeTruthy();
    expect(kept.assessments).toHaveLength(2);
    expect(JSON.stringify(kept.assessments)).not.toContain('13812345678');
    expect(await healthCounts()).toEqual({ ...before, total: before.total + 1, kept: before.kept + 1 });

    // Anyone reads it, assessments and all, without signing in.
    const anon = await hub.query<{ commitments: { id: string; assessments: { verdict: string }[] }[] }>(
      '{ commitments(ownerId: "dept-health", status: KEPT, limit: 100) { id assessments { verdict } } }',
    );
    expect(anon.data!.commitments).toContainEqual({ id: c.id, assessments: [{ verdict: 'KEPT' }, { verdict: 'KEPT' }] });
  });

  it('counts a commitment judged broken after its deadline against its owner', async () => {
    const res = await hub.query<{ commitments: CommitmentView[] }>(
      '{ commitments(ownerType: STREET, status: PENDING, limit: 200) { id ownerId overdue awaitingAssessment { id } } }',
    );
    expect(res.errors).toBeUndefined();
    const due = res.data!.commitments.find((c) => c.overdue && c.awaitingAssessment.length > 0);
    expect(due, 'the demo has street commitments past their deadline that a community has yet to assess').toBeDefined();
    const street = `{ street(id: "${due!.ownerId}") { commitmentCounts { ${counts} } } }`;
    const before = (await hub.query<{ street: { commitmentCounts: Counts } }>(street)).data!.street.commitmentCounts;
    const communityId = due!.awaitingAssessment[0]!.id;
    // A street's own staff cannot judge it, kept or broken.
    expect(code(await hub.query(assess, { i: assessment(due!.id) }, { role: 'STREET_STAFF', streetId: due!.ownerId }))).toBe('FORBIDDEN');
    const broken = await hub.query<{ assessCommitment: CommitmentView }>(
      assess,
      { i: assessment(due!.id, { verdict: 'BROKEN', evidence: '截至期限未按时拨付，社区多次催办' }) },
      clerk(communityId),
    );
    expect(broken.errors).toBeUndefined();
    expect(broken.data!.assessCommitment).toMatchObject({ status: 'BROKEN', overdue: false });
    const after = (await hub.query<{ street: { commitmentCounts: Counts } }>(street)).data!.street.commitmentCounts;
    expect(after).toEqual({ ...before, broken: before.broken + 1, pending: before.pending - 1, overdue: before.overdue - 1 });
  });

  it("keeps the street's commitments to its own communities", async () => {
    const minzu: TokenClaims = { role: 'STREET_STAFF', streetId: 'street-minzu' };
    const input = proposal({ ownerType: 'STREET', ownerId: 'street-minzu', title: '社区工作经费按时拨付', target: '每季度首月15日前拨付到社区' });
    expect(code(await hub.query(propose, { i: { ...input, communityIds: ['community-minzu-01', 'community-hualou-01'] } }, minzu))).toBe('BAD_USER_INPUT');
    expect(code(await hub.query(propose, { i: { ...input, ownerId: 'street-hualou' } }, minzu))).toBe('FORBIDDEN');
    expect(code(await hub.query(propose, { i: { ...input, ownerId: 'dept-health' } }, { role: 'DISTRICT_ADMIN' }))).toBe('NOT_FOUND');
    const made = await hub.query<{ proposeCommitment: CommitmentView & { street: { id: string } } }>(propose, { i: input }, minzu);
    expect(made.data!.proposeCommitment).toMatchObject({ status: 'PENDING', street: { id: 'street-minzu' }, proposedByRole: 'STREET_STAFF' });
  });

  it("makes a department's commitment to up to 30 communities, each checked with committees", async () => {
    const ids = demoCommunities.slice(0, 30).map((c) => c.id);
    const made = await hub.query<{ proposeCommitment: CommitmentView }>(
      propose,
      { i: proposal({ title: '社区健康讲座', target: '每个社区每季度至少1场', communityIds: ids }) },
      health,
    );
    expect(made.errors).toBeUndefined();
    expect(made.data!.proposeCommitment.communities.map((c) => c.id).sort()).toEqual([...ids].sort());
    expect(code(await hub.query(propose, { i: proposal({ communityIds: demoCommunities.slice(0, 31).map((c) => c.id) }) }, health))).toBe('BAD_USER_INPUT');
    expect(code(await hub.query(propose, { i: proposal({ communityIds: [...ids.slice(0, 20), 'community-nowhere'] }) }, health))).toBe('NOT_FOUND');
  });

  it("settles two communities' assessments arriving at once: the commitment ends KEPT", async () => {
    const c = (
      await hub.query<{ proposeCommitment: CommitmentView }>(propose, { i: proposal({ title: '居民健康咨询回复', target: '3个工作日内答复' }) }, health)
    ).data!.proposeCommitment;
    const both = await Promise.all(['community-minzu-01', 'community-minzu-02'].map((id) => hub.query(assess, { i: assessment(c.id) }, clerk(id))));
    expect(both.map((r) => r.errors)).toEqual([undefined, undefined]);
    const now = await hub.query<{ commitments: { id: string; status: string }[] }>('query($o: ID!) { commitments(ownerId: $o, limit: 500) { id status } }', {
      o: 'dept-health',
    });
    expect(now.data!.commitments.find((x) => x.id === c.id)!.status).toBe('KEPT');
  });

  it("is one system for service points too: services' ServicePoint shows its commitments and counts from departments", async () => {
    const points = await hub.query<{ servicePoints: { id: string; provider: { id: string }; community: { id: string } | null; commitmentCounts: Counts }[] }>(
      `{ servicePoints { id provider { id } community { id } commitmentCounts { ${counts} } } }`,
    );
    expect(points.errors).toBeUndefined();
    const listedPoint = points.data!.servicePoints.find((p) => p.community && p.commitmentCounts.total > 0)!;
    expect(listedPoint, 'demo service points have commitments').toBeDefined();
    const one = await hub.query<{ servicePoint: { commitments: CommitmentView[] } }>(
      `query($id: ID!) { servicePoint(id: $id) { commitments { ${fields} } } }`,
      { id: listedPoint.id },
    );
    expect(one.errors).toBeUndefined();
    const point = { ...listedPoint, commitments: one.data!.servicePoint.commitments };
    expect(point.commitments.every((c) => c.ownerType === 'SERVICE_POINT' && c.ownerId === point.id)).toBe(true);
    expect(point.commitments.every((c) => c.communities.length === 1 && c.communities[0]!.id === point.community!.id)).toBe(true);
    expect(point.commitmentCounts.total).toBe(point.commitments.length);
    const listed = await hub.query<{ commitments: { id: string; servicePoint: { id: string; provider: { id: string } } }[] }>(
      'query($o: ID!) { commitments(ownerId: $o) { id servicePoint { id provider { id } } } }',
      { o: point.id },
    );
    expect(listed.data!.commitments.map((c) => c.id).sort()).toEqual(point.commitments.map((c) => c.id).sort());
    expect(listed.data!.commitments[0]!.servicePoint).toEqual({ id: point.id, provider: { id: point.provider.id } });

    // The provider running the point proposes; another provider, a department or services' own identity may not.
    const input = proposal({
      ownerType: 'SERVICE_POINT',
      ownerId: point.id,
      title: '助餐服务按时送达',
      target: '工作日11点前送餐到户，准时率95%',
      communityIds: [point.community!.id],
    });
    const operator: TokenClaims = { role: 'PARTNER', partnerId: point.provider.id };
    for (const as of [{ role: 'PARTNER', partnerId: 'provider-nobody' } as TokenClaims, health, { role: 'SERVICE', sub: 'service:services' } as TokenClaims]) {
      expect(code(await hub.query(propose, { i: input }, as)), JSON.stringify(as)).toBe('FORBIDDEN');
    }
    expect(code(await hub.query(propose, { i: { ...input, communityIds: ['community-nowhere'] } }, operator))).toBe('NOT_FOUND');
    const elsewhere = point.community!.id === 'community-hualou-01' ? 'community-hualou-02' : 'community-hualou-01';
    expect(code(await hub.query(propose, { i: { ...input, communityIds: [elsewhere] } }, operator))).toBe('BAD_USER_INPUT');
    expect(code(await hub.query(propose, { i: { ...input, ownerId: 'point-nowhere' } }, operator))).toBe('NOT_FOUND');
    const made = await hub.query<{ proposeCommitment: CommitmentView & { servicePoint: { id: string } } }>(propose, { i: input }, operator);
    expect(made.errors).toBeUndefined();
    expect(made.data!.proposeCommitment).toMatchObject({ ownerType: 'SERVICE_POINT', proposedByRole: 'PARTNER', servicePoint: { id: point.id } });

    // Its community's clerk assesses it like any other; the operator cannot.
    const id = made.data!.proposeCommitment.id;
    expect(code(await hub.query(assess, { i: assessment(id) }, operator))).toBe('FORBIDDEN');
    expect((await hub.query(assess, { i: assessment(id, { evidence: '抽查10户，均在11点前送达' }) }, clerk(point.community!.id))).errors).toBeUndefined();
    const shown = await hub.query<{ servicePoint: { commitments: { id: string; status: string }[]; commitmentCounts: Counts } }>(
      `query($id: ID!) { servicePoint(id: $id) { commitments { id status } commitmentCounts { ${counts} } } }`,
      { id: point.id },
    );
    expect(shown.data!.servicePoint.commitments).toContainEqual({ id, status: 'KEPT' });
    expect(shown.data!.servicePoint.commitmentCounts).toMatchObject({ total: point.commitmentCounts.total + 1, kept: point.commitmentCounts.kept + 1 });
  });

  it("refuses a service point's commitment while services cannot say who runs it, and changes nothing", async () => {
    const before = await departmentsDb(hub).commitment.count();
    await hub.subgraphs.services!.stopServer();
    try {
      const res = await hub.query(
        propose,
        { i: proposal({ ownerType: 'SERVICE_POINT', ownerId: 'point-demo-01', communityIds: ['community-minzu-01'] }) },
        { role: 'PARTNER', partnerId: 'provider-fushou' },
      );
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'services' });
      // A department's commitments, and everything departments owns, are still there.
      expect((await hub.query('{ department(id: "dept-health") { commitmentCounts { total } } }')).errors).toBeUndefined();
    } finally {
      await hub.subgraphs.services!.restartServer();
    }
    expect(await departmentsDb(hub).commitment.count()).toBe(before);
  });

  it('seeds a realistic mix: proposed and assessed, kept and broken, with evidence, up to today', async () => {
    const db = departmentsDb(hub);
    const byStatus = Object.fromEntries((await db.commitment.groupBy({ by: ['status'], _count: true })).map((g) => [g.status, g._count]));
    expect(Object.keys(byStatus).sort()).toEqual(['BROKEN', 'KEPT', 'PENDING']);
    const byOwner = (await db.commitment.groupBy({ by: ['ownerType'], _count: true })).map((g) => g.ownerType).sort();
    expect(byOwner).toEqual(['DEPARTMENT', 'SERVICE_POINT', 'STREET']);
    const latest = await db.commitmentAssessment.aggregate({ _max: { assessedOn: true }, _min: { assessedOn: true } });
    expect(latest._max.assessedOn!.toISOString().slice(0, 10) <= districtToday()).toBe(true);
    expect(await db.commitmentAssessment.count({ where: { evidence: '' } })).toBe(0);
    // Civil affairs, the lead department, is there with its own commitments.
    const civil = await hub.query<{ department: { shortName: string; commitments: unknown[] } }>(
      '{ department(id: "dept-civil-affairs") { shortName commitments { id } } }',
    );
    expect(civil.data!.department.shortName).toBe('民政局');
    expect(civil.data!.department.commitments.length).toBeGreaterThan(0);
  });
});
