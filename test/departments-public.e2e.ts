// Staff assigned down to communities (工作重心下移), relationships, and the public commitments and
// notices (承诺制、公示制) of departments, streets and service points, through the gateway.
import { demoCommunities, type TokenClaims } from '@shequ/kit';
import { describeOnEachDatabase, startTestFederation, type TestFederation } from '@shequ/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';
import { departmentsDb, health } from './departments-helpers.js';

const minzuStreet: TokenClaims = { role: 'STREET_STAFF', streetId: 'street-minzu' };
const assign = 'mutation($s: ID!, $c: ID!) { assignStaffToCommunity(staffId: $s, communityId: $c) { id assignedCommunities { id } } }';
const unassign = 'mutation($s: ID!, $c: ID!) { unassignStaffFromCommunity(staffId: $s, communityId: $c) { id } }';
const record = 'mutation($i: RecordRelationshipInput!) { recordRelationship(input: $i) { id kind unitId communityId liaisonStaff { id } } }';
const code = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.code;

await describeOnEachDatabase('staff, relationships and commitments through the gateway', (database) => {
  let hub: TestFederation;
  beforeAll(async () => {
    hub = await startTestFederation({ subgraphs: [committees, departments], database });
  });
  afterAll(() => hub?.close());

  it('shows a community with its street (committees), assigned staff, delegated work and relationships (departments)', async () => {
    const res = await hub.query(`{ community(id: "community-minzu-01") {
      name street { id name staff { id } }
      assignedStaff { id name position unitType street { id } department { id } }
      delegatedTasks { id status }
      relationships { kind unitType unitId liaisonStaff { id } }
    } }`);
    expect(res.errors).toBeUndefined();
    const c = res.data!.community;
    expect(c.name).toBe(demoCommunities[0]!.name);
    expect(c.street).toMatchObject({ id: 'street-minzu', name: '民族街道' });
    expect(c.street.staff).toHaveLength(5);
    expect(c.assignedStaff.some((s: { unitType: string; street: { id: string } }) => s.unitType === 'STREET' && s.street.id === 'street-minzu')).toBe(true);
    expect(c.assignedStaff.some((s: { unitType: string }) => s.unitType === 'DEPARTMENT')).toBe(true);
    expect(c.relationships).toContainEqual(expect.objectContaining({ kind: 'GUIDANCE', unitType: 'STREET', unitId: 'street-minzu' }));
    expect(c.relationships).toContainEqual(expect.objectContaining({ kind: 'SUPERVISION', unitId: 'street-minzu' }));
  });

  it('shows staff with the communities they serve, named by committees', async () => {
    const res = await hub.query('{ staff(id: "staff-street-minzu-02") { name position street { name } assignedCommunities { id name street { id } } } }');
    const staff = res.data!.staff;
    expect(staff.street.name).toBe('民族街道');
    expect(staff.assignedCommunities.length).toBeGreaterThanOrEqual(2);
    for (const c of staff.assignedCommunities) {
      expect(c.street.id).toBe('street-minzu');
      expect(c.name).toBe(demoCommunities.find((d) => d.id === c.id)!.name);
    }
  });

  it('assigns staff down to communities: checked against committees, only by their own unit, once', async () => {
    const free = demoCommunities.find((c) => c.streetId === 'street-minzu' && c.id !== 'community-minzu-01')!.id;
    expect(code(await hub.query(assign, { s: 'staff-street-minzu-01', c: 'community-hualou-01' }, minzuStreet))).toBe('BAD_USER_INPUT');
    expect(code(await hub.query(assign, { s: 'staff-street-minzu-01', c: free }, { role: 'STREET_STAFF', streetId: 'street-hualou' }))).toBe('FORBIDDEN');
    expect(code(await hub.query(assign, { s: 'staff-street-minzu-01', c: free }, null))).toBe('UNAUTHENTICATED');
    expect(code(await hub.query(assign, { s: 'staff-nobody', c: free }, minzuStreet))).toBe('NOT_FOUND');
    expect(code(await hub.query(assign, { s: 'staff-dept-health-01', c: 'community-nowhere' }, health))).toBe('NOT_FOUND');

    await hub.subgraphs.committees!.stopServer();
    try {
      const down = await hub.query(assign, { s: 'staff-street-minzu-01', c: free }, minzuStreet);
      expect(down.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'committees' });
      expect(await departmentsDb(hub).staffAssignment.count({ where: { staffId: 'staff-street-minzu-01' } })).toBe(0);
    } finally {
      await hub.subgraphs.committees!.restartServer();
    }
    const ok = await hub.query(assign, { s: 'staff-street-minzu-01', c: free }, minzuStreet);
    expect(ok.data!.assignStaffToCommunity.assignedCommunities).toEqual([{ id: free }]);
    expect(code(await hub.query(assign, { s: 'staff-street-minzu-01', c: free }, minzuStreet))).toBe('CONFLICT');
    const seen = await hub.query('query($c: ID!) { community(id: $c) { assignedStaff { id } } }', { c: free });
    expect(seen.data!.community.assignedStaff).toContainEqual({ id: 'staff-street-minzu-01' });
    expect(code(await hub.query(unassign, { s: 'staff-street-minzu-01', c: free }, { role: 'DISTRICT_ADMIN' }))).toBeUndefined();
    expect(code(await hub.query(unassign, { s: 'staff-street-minzu-01', c: free }, minzuStreet))).toBe('NOT_FOUND');
  });

  it('records guidance by the guiding unit and supervision channels by the community, each once', async () => {
    const guidance = {
      kind: 'GUIDANCE',
      unitId: 'dept-health',
      communityId: 'community-hualou-02',
      subject: '社区慢性病管理',
      channel: '每月到社区卫生服务站指导一次',
      liaisonStaffId: 'staff-dept-health-04',
    };
    expect(code(await hub.query(record, { i: guidance }, { role: 'COMMITTEE_STAFF', communityId: 'community-hualou-02' }))).toBe('FORBIDDEN');
    expect(code(await hub.query(record, { i: { ...guidance, liaisonStaffId: 'staff-dept-culture-02' } }, health))).toBe('BAD_USER_INPUT');
    const made = await hub.query(record, { i: guidance }, health);
    expect(made.data!.recordRelationship).toMatchObject({ kind: 'GUIDANCE', unitId: 'dept-health', liaisonStaff: { id: 'staff-dept-health-04' } });
    expect(code(await hub.query(record, { i: guidance }, health))).toBe('CONFLICT');

    const supervision = {
      kind: 'SUPERVISION',
      unitId: 'dept-health',
      communityId: 'community-hualou-02',
      subject: '慢性病随访服务质量',
      channel: '居民议事会每季度听取通报',
    };
    expect(code(await hub.query(record, { i: supervision }, health))).toBe('FORBIDDEN');
    const channel = await hub.query(record, { i: supervision }, { role: 'COMMITTEE_STAFF', communityId: 'community-hualou-02' });
    expect(channel.errors).toBeUndefined();
    const end = 'mutation($id: ID!) { endRelationship(id: $id) { endedAt } }';
    const id = channel.data!.recordRelationship.id;
    expect((await hub.query(end, { id }, { role: 'COMMITTEE_STAFF', communityId: 'community-hualou-02' })).data!.endRelationship.endedAt).toBeTruthy();
    expect(code(await hub.query(end, { id }, { role: 'DISTRICT_ADMIN' }))).toBe('CONFLICT');
  });

  it('shows commitments and notices that anyone can read without signing in, tracked as kept, broken or pending (proposing and assessing: departments-commitments.e2e.ts)', async () => {
    const pub = await hub.query(
      '{ department(id: "dept-health") { commitments { status } commitmentCounts { total kept broken pending } notices { title } } kept: commitments(ownerId: "dept-health", status: KEPT) { status ownerId } streetOnes: commitments(ownerType: STREET, limit: 500) { status } }',
    );
    expect(pub.errors).toBeUndefined();
    expect(pub.data!.department.notices.length).toBeGreaterThan(0);
    expect(pub.data!.kept.every((c: { status: string; ownerId: string }) => c.status === 'KEPT' && c.ownerId === 'dept-health')).toBe(true);
    expect(new Set([...pub.data!.department.commitments, ...pub.data!.streetOnes].map((c: { status: string }) => c.status))).toEqual(
      new Set(['KEPT', 'BROKEN', 'PENDING']),
    );
    const counts = pub.data!.department.commitmentCounts;
    expect(counts.total).toBe(pub.data!.department.commitments.length);
    expect(counts.kept + counts.broken + counts.pending).toBe(counts.total);

    const notice = await hub.query(
      'mutation($i: PublishNoticeInput!) { publishNotice(input: $i) { id publishedAt } }',
      { i: { ownerType: 'STREET', ownerId: 'street-minzu', title: '社区工作经费拨付公示', body: '本季度社区工作经费已拨付到各社区。' } },
      minzuStreet,
    );
    expect(notice.errors).toBeUndefined();
    expect((await hub.query('{ notices(ownerId: "street-minzu") { id } }')).data!.notices[0]).toEqual({ id: notice.data!.publishNotice.id });
  });
});
