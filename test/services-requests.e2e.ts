// Service requests through the gateway: welfare eligibility asked of committees at filing time,
// a request's life from filed to rated, the public Open311 view, and committees being down.
import { startTestFederation, type TestFederation } from '@shequ/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';
import type { DB } from '../subgraphs/services/src/db.js';
import services from '../subgraphs/services/src/index.js';
import { codeOf, idCardNumber, ok, pointFor, provider, residentAs, staffOf, type Ask } from '../subgraphs/services/tests/fixtures.js';

const file =
  'mutation($input: FileServiceRequestInput!) { fileServiceRequest(input: $input) { id status filedByRole statusNotes servicePoint { id } provider { name } } }';
const update = 'mutation($input: UpdateServiceRequestInput!) { updateServiceRequest(input: $input) { status } }';
const register = 'mutation($input: RegisterResidentInput!) { registerResident(input: $input) { id vulnerableGroups } }';

describe('service requests through the gateway', () => {
  let hub: TestFederation;
  const ask: Ask = (query, variables, as) => hub.query(query, variables, as ?? null);
  const requestCount = () => (hub.subgraphs.services!.db.prisma as DB).serviceRequest.count();
  let community: string;
  let pointId: string;
  const residents: Record<'elderly' | 'young' | 'disabled' | 'neighbour', ReturnType<typeof residentAs>> = {} as never;

  beforeAll(async () => {
    hub = await startTestFederation({ subgraphs: [committees, departments, services], database: 'pglite' });
    // A community without a demo point for home visits (S1-01), which gets one by tender here.
    const demoPoints = ok(await ask<{ servicePoints: { community: { id: string } | null }[] }>('{ servicePoints(itemId: "item-s1-01") { community { id } } }'));
    community = ['community-minzu-05', 'community-minzu-06', 'community-minzu-07'].find((c) => !demoPoints.servicePoints.some((p) => p.community?.id === c))!;
    pointId = await pointFor(ask, community, 'item-s1-01', 'provider-kangle');
    const people: [keyof typeof residents, string, string, string[]][] = [
      ['elderly', community, '1950-03-04', []],
      ['young', community, '1992-05-06', []],
      ['disabled', community, '1988-07-08', ['DISABLED']],
      ['neighbour', 'community-minzu-03', '1948-01-02', []],
    ];
    for (const [key, communityId, born, groups] of people) {
      const input = {
        communityId,
        name: `测试${key}`,
        gender: 'FEMALE',
        idCardNumber: idCardNumber(born, people.findIndex(([k]) => k === key) * 2 + 100),
        address: '测试地址1号',
        vulnerableGroups: groups,
      };
      const id = ok(await ask<{ registerResident: { id: string } }>(register, { input }, staffOf(communityId))).registerResident.id;
      residents[key] = residentAs(id, communityId);
    }
  });
  afterAll(() => hub?.close());

  const fileFor = (serviceCode: string, as: Parameters<Ask>[2], residentId?: string) =>
    ask(file, { input: { serviceCode, description: '请每周上门一次', address: '测试地址1号', lat: 30.601234, long: 114.261234, residentId } }, as);

  it('accepts a welfare request of an eligible resident and refuses an ineligible one, writing nothing', async () => {
    const before = await requestCount();
    const accepted = ok(await fileFor('S1-01', residents.elderly)).fileServiceRequest;
    expect(accepted).toMatchObject({
      status: 'SUBMITTED',
      filedByRole: 'RESIDENT',
      servicePoint: { id: pointId },
      provider: { name: '江汉区康乐居家养老服务中心' },
    });

    const refused = await fileFor('S1-01', residents.young);
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0]!.extensions).toMatchObject({ reason: 'NOT_ELIGIBLE', requiredGroup: 'ELDERLY' });
    expect(codeOf(await fileFor('S2-01', residents.elderly))).toBe('FORBIDDEN');
    expect(ok(await fileFor('S2-01', residents.disabled)).fileServiceRequest.status).toBe('SUBMITTED');
    expect(await requestCount()).toBe(before + 2);
  });

  it('lets committee staff file for a resident of their own community only, and follows a flag removed in committees at once', async () => {
    const residentId = residents.elderly.personId;
    expect(ok(await fileFor('S1-01', staffOf(community), residentId)).fileServiceRequest.filedByRole).toBe('COMMITTEE_STAFF');
    expect(codeOf(await fileFor('S1-01', staffOf('community-minzu-03'), residentId))).toBe('FORBIDDEN');
    expect(codeOf(await fileFor('S1-01', staffOf(community), 'resident-does-not-exist'))).toBe('NOT_FOUND');
    expect(codeOf(await fileFor('S1-01', staffOf(community)))).toBe('BAD_USER_INPUT');
    // A token naming the wrong community does not get welfare services for another one.
    expect(codeOf(await fileFor('S1-01', { ...residents.neighbour, communityId: community }))).toBe('FORBIDDEN');

    const unflag = 'mutation($input: SetResidentVulnerableGroupsInput!) { setResidentVulnerableGroups(input: $input) { vulnerableGroups } }';
    ok(await ask(unflag, { input: { residentId: residents.disabled.personId, vulnerableGroups: [] } }, staffOf(community)));
    expect(codeOf(await fileFor('S2-01', residents.disabled))).toBe('FORBIDDEN');
  });

  it('takes a welfare request from filed to closed and rated; the public sees it through Open311 without personal data', async () => {
    const { id } = ok(await fileFor('S1-01', residents.elderly)).fileServiceRequest;
    const kangle = provider('provider-kangle');
    ok(
      await ask(
        update,
        { input: { id, status: 'ACCEPTED', statusNotes: '已受理，周三上午上门', expectedAt: new Date(Date.now() + 86_400_000).toISOString() } },
        kangle,
      ),
    );
    expect(codeOf(await ask(update, { input: { id, status: 'IN_PROGRESS' } }, provider('provider-yihe')))).toBe('FORBIDDEN');
    ok(await ask(update, { input: { id, status: 'IN_PROGRESS' } }, kangle));
    ok(await ask(update, { input: { id, status: 'COMPLETED', statusNotes: '已完成探访' } }, kangle));
    expect(codeOf(await ask(update, { input: { id, status: 'ACCEPTED' } }, kangle))).toBe('CONFLICT');
    const rate = 'mutation($id: ID!) { rateServiceRequest(id: $id, rating: VERY_SATISFIED, comment: "很耐心") { status rating ratingLevel } }';
    expect(codeOf(await ask(rate, { id }, residents.young))).toBe('FORBIDDEN');
    expect(ok(await ask(rate, { id }, residents.elderly)).rateServiceRequest).toEqual({ status: 'CLOSED', rating: 'VERY_SATISFIED', ratingLevel: 5 });
    expect(codeOf(await ask(rate, { id }, residents.elderly))).toBe('CONFLICT');

    // The resident's name comes from committees, which shows it to the community's staff only.
    const detail = 'query($id: ID!) { serviceRequest(id: $id) { status resident { name } community { name } events { status } } }';
    const forStaff = ok(await ask(detail, { id }, staffOf(community))).serviceRequest;
    expect(forStaff).toMatchObject({ status: 'CLOSED', resident: { name: '测试elderly' }, community: { name: expect.any(String) } });
    expect(forStaff.events.map((e: { status: string }) => e.status)).toEqual(['SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'CLOSED']);
    expect(ok(await ask(detail, { id }, kangle)).serviceRequest.resident.name).toBeNull();

    const open311 = `query($id: ID!) { open311 { request(service_request_id: $id) { service_request_id status status_notes service_code agency_responsible
      description address address_id lat long requested_datetime updated_datetime expected_datetime } } }`;
    const view = ok(await ask(open311, { id })).open311.request;
    // Welfare: published under the generic code, by day, without provider, notes or place.
    expect(view).toMatchObject({
      service_request_id: id,
      status: 'closed',
      status_notes: null,
      service_code: 'welfare',
      agency_responsible: null,
      description: null,
      address: null,
      address_id: community,
      lat: null,
      long: null,
    });
    expect(new Date(view.requested_datetime).getTime() % 3_600_000).toBe(0);
    expect(JSON.stringify(view)).not.toContain(residents.elderly.personId);

    const stats = ok(await ask('query($id: ID!) { servicePoint(id: $id) { requestStats { rated satisfactionRate badReviews } } }', { id: pointId }));
    expect(stats.servicePoint.requestStats).toEqual({ rated: 1, satisfactionRate: 1, badReviews: 0 });
  });

  it('when committees is down: a request is refused with a retryable SUBGRAPH_UNAVAILABLE and nothing is written', async () => {
    const before = await requestCount();
    await hub.subgraphs.committees!.stopServer();
    try {
      const refused = await fileFor('S1-01', residents.elderly);
      expect(codeOf(refused)).toBe('SUBGRAPH_UNAVAILABLE');
      expect(refused.errors![0]!.extensions).toMatchObject({ subgraph: 'committees', retryable: true });
      expect(refused.errors![0]!.message).toMatch(/committees.*nothing was changed/);
      expect(codeOf(await fileFor('S1-01', staffOf(community), residents.elderly.personId))).toBe('SUBGRAPH_UNAVAILABLE');
      // Nor a convenience request: whether the resident lives where the token says is committees' to tell.
      expect(codeOf(await fileFor('S5-01', residents.young))).toBe('SUBGRAPH_UNAVAILABLE');
      expect(await requestCount()).toBe(before);
    } finally {
      await hub.subgraphs.committees!.restartServer();
    }
    expect(ok(await fileFor('S1-01', residents.elderly)).fileServiceRequest.status).toBe('SUBMITTED');
    expect(ok(await fileFor('S5-01', residents.young)).fileServiceRequest.status).toBe('SUBMITTED');
    expect(await requestCount()).toBe(before + 2);
  });
});
