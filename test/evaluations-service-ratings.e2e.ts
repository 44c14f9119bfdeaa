// A bad rating of a service request opens a rectification case in evaluations: services writes
// the event in the rating's transaction, its outbox delivers it through the gateway as
// service:services, evaluations opens one case per event however often it arrives, with a
// deadline 15 working days after the rating day counted on the holiday calendar
// (SHEQU_HOLIDAYS_FILE adds two holidays and a worked Saturday in the coming days, so that the
// deadline moves whatever day the test runs). Then the case's workflow: who must act next, an
// appeal that freezes the deadline and, rejected, gives the days left back.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { districtDayOf, officialHolidays, type TokenClaims } from '@shequ/kit';
import { startTestFederation, type TestFederation } from '@shequ/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';
import evaluations from '../subgraphs/evaluations/src/index.js';
import type { DB as EvaluationsDB } from '../subgraphs/evaluations/src/db.js';
import type { DB as ServicesDB } from '../subgraphs/services/src/db.js';
import services from '../subgraphs/services/src/index.js';
import { admin, codeOf, ok, provider, residentAs, staffOf } from '../subgraphs/services/tests/fixtures.js';

const arrives = { timeout: 30_000, interval: 200 };
const DAY = 86_400_000;
const dayAfter = (day: string, n = 1) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

// Two weekdays off and a Saturday worked, all after tomorrow: inside the deadline's window
// whether the rating falls on today or (past midnight in Wuhan) tomorrow.
const tomorrow = dayAfter(districtDayOf(new Date()));
const upcoming = Array.from({ length: 14 }, (_, i) => dayAfter(tomorrow, i + 1));
const configured = {
  holidays: upcoming.filter((d) => weekday(d) >= 1 && weekday(d) <= 5).slice(0, 2),
  workdays: upcoming.filter((d) => weekday(d) === 6).slice(0, 1),
};

/** The expected deadline, counted by hand: weekends off unless worked, official and configured holidays off. */
function expectedDeadline(from: string, count: number, withConfigured = true): string {
  const off = new Set([...Object.values(officialHolidays).flatMap((y) => y.holidays), ...(withConfigured ? configured.holidays : [])]);
  const worked = new Set([...Object.values(officialHolidays).flatMap((y) => y.workdays), ...(withConfigured ? configured.workdays : [])]);
  let day = from;
  for (let left = count; left > 0; ) {
    day = dayAfter(day);
    const working = worked.has(day) || (!off.has(day) && weekday(day) !== 0 && weekday(day) !== 6);
    if (working) left--;
  }
  return day;
}

const caseFields = `id source status targetKind targetId provider { id } department { id } leadDepartment { id } serviceRequestId servicePoint { id } serviceItem { id }
  rating ratedAt badReviews comments affectedCommunities { id } openedOn deadline overdue workingDaysLeft waitingOn pendingCommunities { id } campaign { id }`;
const casesQuery = `query($source: RectificationSource, $waitingOn: RectificationParty) { rectificationCases(source: $source, waitingOn: $waitingOn) { ${caseFields} } }`;
const recordMutation = `mutation($i: BadServiceRatingInput!) { recordBadServiceRating(input: $i) { id serviceRequestId } }`;
const fileMutation = 'mutation($input: FileServiceRequestInput!) { fileServiceRequest(input: $input) { id } }';
const updateMutation = 'mutation($input: UpdateServiceRequestInput!) { updateServiceRequest(input: $input) { status } }';
const rateMutation =
  'mutation($id: ID!, $rating: ServiceRating!, $comment: String) { rateServiceRequest(id: $id, rating: $rating, comment: $comment) { status rating ratedAt } }';

type Case = Record<string, any>;

describe('bad service ratings open rectification cases', () => {
  let hub: TestFederation;
  let point: { id: string; providerId: string; communityId: string; code: string; itemId: string; leadDepartmentId: string | null };
  let resident: TokenClaims;
  const servicesDb = () => hub.subgraphs.services!.db.prisma as unknown as ServicesDB;
  const evaluationsDb = () => hub.subgraphs.evaluations!.db.prisma as unknown as EvaluationsDB;
  const pending = () => servicesDb().outboxEvent.count({ where: { deliveredAt: null } });
  const casesOf = async (requestId: string) => evaluationsDb().rectificationCase.findMany({ where: { serviceRequestId: requestId } });
  const caseOf = async (requestId: string, as: TokenClaims = admin): Promise<Case | undefined> => {
    const res = ok(await hub.query<{ rectificationCases: Case[] }>(casesQuery, { source: 'SERVICE_RATING' }, as));
    return res.rectificationCases.find((c) => c.serviceRequestId === requestId);
  };

  /** A request filed, served to completion by the point's provider and rated by the resident. */
  async function served(rating: string, comment?: string): Promise<{ id: string; ratedAt: string }> {
    const id = ok(
      await hub.query<{ fileServiceRequest: { id: string } }>(
        fileMutation,
        { input: { serviceCode: point.code, description: '请安排上门', address: '某小区1号' } },
        resident,
      ),
    ).fileServiceRequest.id;
    for (const status of ['ACCEPTED', 'IN_PROGRESS', 'COMPLETED']) ok(await hub.query(updateMutation, { input: { id, status } }, provider(point.providerId)));
    const rated = ok(await hub.query<{ rateServiceRequest: { ratedAt: string } }>(rateMutation, { id, rating, comment }, resident)).rateServiceRequest;
    return { id, ratedAt: rated.ratedAt };
  }

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shequ-holidays-'));
    const file = path.join(dir, 'holidays.json');
    writeFileSync(file, JSON.stringify(configured));
    process.env.SHEQU_HOLIDAYS_FILE = file;
    hub = await startTestFederation({ subgraphs: [committees, departments, services, evaluations] });
    // The demo's recent bad ratings arrive first.
    await vi.waitFor(async () => expect(await pending()).toBe(0), { timeout: 60_000, interval: 250 });
    const row = (await servicesDb().servicePoint.findFirst({
      where: { communityId: { not: null }, item: { tier: 'CONVENIENCE' }, contractEnd: { gt: new Date() } },
      include: { item: { include: { series: true } } },
      orderBy: { id: 'asc' },
    }))!;
    point = {
      id: row.id,
      providerId: row.providerId,
      communityId: row.communityId!,
      code: row.item.code,
      itemId: row.itemId,
      leadDepartmentId: row.item.departmentId ?? row.item.series.departmentId,
    };
    resident = residentAs(`resident-${point.communityId.replace('community-', '')}-0011`, point.communityId);
  }, 240_000);
  afterAll(async () => {
    delete process.env.SHEQU_HOLIDAYS_FILE;
    await hub?.close();
  });

  it("the demo's recent bad ratings arrived as cases", async () => {
    const demo = await servicesDb().outboxEvent.count({ where: { kind: 'bad-rating' } });
    expect(demo).toBeGreaterThan(0);
    expect(await evaluationsDb().rectificationCase.count({ where: { source: 'SERVICE_RATING' } })).toBe(demo);
  });

  it('a bad rating opens one case: the provider must rectify, due 15 working days after the rating day across the configured holidays', async () => {
    const { id, ratedAt } = await served('VERY_DISSATISFIED', '约好上午上门，下午才到，我的电话 13912345678');
    await vi.waitFor(async () => expect(await casesOf(id)).toHaveLength(1), arrives);
    const c = (await caseOf(id))!;
    const ratingDay = districtDayOf(new Date(ratedAt));
    expect(c).toMatchObject({
      source: 'SERVICE_RATING',
      status: 'AWAITING_PLAN',
      targetKind: 'PROVIDER',
      targetId: point.providerId,
      provider: { id: point.providerId },
      department: null,
      campaign: null,
      servicePoint: { id: point.id },
      serviceItem: { id: point.itemId },
      leadDepartment: point.leadDepartmentId ? { id: point.leadDepartmentId } : null,
      rating: 'VERY_DISSATISFIED',
      badReviews: 1,
      comments: ['约好上午上门，下午才到，我的电话 ***'],
      affectedCommunities: [{ id: point.communityId }],
      openedOn: ratingDay,
      deadline: expectedDeadline(ratingDay, 15),
      overdue: false,
      workingDaysLeft: 15 - (ratingDay < districtDayOf(new Date()) ? 1 : 0),
      waitingOn: 'RESPONSIBLE',
      pendingCommunities: [],
    });
    // The holidays moved it: two weekdays off, one Saturday worked.
    expect(c.deadline).not.toBe(expectedDeadline(ratingDay, 15, false));
    expect(c.deadline > expectedDeadline(ratingDay, 15, false)).toBe(true);
  });

  it('a delivery repeated, and the same event sent twice by services itself, still make one case', async () => {
    const { id } = await served('DISSATISFIED');
    await vi.waitFor(async () => expect(await casesOf(id)).toHaveLength(1), arrives);
    const eventId = `bad-rating-${id}`;
    await servicesDb().outboxEvent.update({ where: { id: eventId }, data: { deliveredAt: null, nextAttemptAt: new Date() } });
    await vi.waitFor(async () => expect((await servicesDb().outboxEvent.findUniqueOrThrow({ where: { id: eventId } })).deliveredAt).not.toBeNull(), arrives);
    expect(await casesOf(id)).toHaveLength(1);

    const payload = (await servicesDb().outboxEvent.findUniqueOrThrow({ where: { id: eventId } })).payload as Record<string, unknown>;
    const asServices = { role: 'SERVICE' as const, sub: 'service:services' };
    const [first, second] = await Promise.all([hub.query(recordMutation, { i: payload }, asServices), hub.query(recordMutation, { i: payload }, asServices)]);
    expect(ok(first)).toEqual(ok(second));
    expect(await casesOf(id)).toHaveLength(1);
  });

  it('evaluations down: the rating is taken, the event waits and is retried, and opens its case once evaluations is back', async () => {
    await hub.subgraphs.evaluations!.stopServer();
    let id: string;
    try {
      id = (await served('DISSATISFIED', '上门时间一再推迟')).id;
      const event = () => servicesDb().outboxEvent.findUniqueOrThrow({ where: { id: `bad-rating-${id}` } });
      await vi.waitFor(async () => expect((await event()).attempts).toBeGreaterThanOrEqual(2), arrives);
      expect((await event()).deliveredAt).toBeNull();
      expect(await casesOf(id)).toHaveLength(0);
    } finally {
      await hub.subgraphs.evaluations!.restartServer();
    }
    await vi.waitFor(async () => expect(await casesOf(id!)).toHaveLength(1), arrives);
    expect((await caseOf(id!))!.comments).toEqual(['上门时间一再推迟']);
  });

  it('a satisfied or basically satisfied rating opens none and sends nothing', async () => {
    for (const rating of ['SATISFIED', 'BASICALLY_SATISFIED']) {
      const { id } = await served(rating, '还可以');
      expect(await servicesDb().outboxEvent.count({ where: { id: `bad-rating-${id}` } })).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await casesOf(id)).toHaveLength(0);
    }
  });

  it('only services may report a bad rating; a good rating is refused as input', async () => {
    const input = {
      eventId: 'bad-rating-forged',
      requestId: 'sr-forged',
      communityId: point.communityId,
      serviceItemId: point.itemId,
      providerId: point.providerId,
      rating: 'VERY_DISSATISFIED',
      comment: '伪造',
      ratedAt: new Date().toISOString(),
    };
    for (const as of [{ role: 'SERVICE', sub: 'service:departments' }, admin, provider(point.providerId), staffOf(point.communityId)] as TokenClaims[]) {
      expect(codeOf(await hub.query(recordMutation, { i: input }, as))).toBe('FORBIDDEN');
    }
    expect(codeOf(await hub.query(recordMutation, { i: input }, null))).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
    const asServices = { role: 'SERVICE' as const, sub: 'service:services' };
    expect(codeOf(await hub.query(recordMutation, { i: { ...input, rating: 'SATISFIED' } }, asServices))).toBe('BAD_USER_INPUT');
    expect(codeOf(await hub.query(recordMutation, { i: { ...input, providerId: null } }, asServices))).toBe('BAD_USER_INPUT');
    // Even from services' identity, an event services' own records do not bear out opens nothing:
    // a request that does not exist, or a satisfied one reported as very dissatisfied.
    expect(codeOf(await hub.query(recordMutation, { i: input }, asServices))).toBe('BAD_USER_INPUT');
    const { id: happy, ratedAt } = await served('SATISFIED');
    const claimed = { ...input, eventId: `bad-rating-${happy}`, requestId: happy, servicePointId: point.id, leadDepartmentId: point.leadDepartmentId, ratedAt };
    const forged = await hub.query(recordMutation, { i: claimed }, asServices);
    expect(codeOf(forged)).toBe('BAD_USER_INPUT');
    expect(forged.errors?.[0]?.message).toMatch(/does not match services' record/);
    expect(await evaluationsDb().rectificationCase.count({ where: { serviceRequestId: { in: ['sr-forged', happy] } } })).toBe(0);

    // What evaluations asks services is for evaluations alone.
    const fact = 'query($id: ID!) { serviceRatingFact(requestId: $id) { rating providerId } }';
    expect(ok(await hub.query(fact, { id: happy }, { role: 'SERVICE', sub: 'service:evaluations' })).serviceRatingFact).toEqual({
      rating: 'SATISFIED',
      providerId: point.providerId,
    });
    for (const as of [asServices, admin, provider(point.providerId)] as TokenClaims[])
      expect(codeOf(await hub.query(fact, { id: happy }, as))).toBe('FORBIDDEN');
  });

  it('is seen by the district, the provider, the lead department and the community, not by others', async () => {
    const { id } = await served('DISSATISFIED');
    await vi.waitFor(async () => expect(await casesOf(id)).toHaveLength(1), arrives);
    expect(await caseOf(id, provider(point.providerId))).toBeDefined();
    expect(await caseOf(id, staffOf(point.communityId))).toBeDefined();
    if (point.leadDepartmentId) expect(await caseOf(id, { role: 'DEPARTMENT_STAFF', departmentId: point.leadDepartmentId, sub: 'officer-lead' })).toBeDefined();
    expect(await caseOf(id, provider('provider-someone-else'))).toBeUndefined();
    expect(await caseOf(id, resident)).toBeUndefined();
    expect(ok(await hub.query<{ rectificationCases: Case[] }>(casesQuery, { source: 'SERVICE_RATING' }, null)).rectificationCases).toEqual([]);
  });

  it('an appeal freezes the deadline; rejected, the case gets back the working days it had left', async () => {
    const { id } = await served('VERY_DISSATISFIED', '收费和公示的不一致');
    await vi.waitFor(async () => expect(await casesOf(id)).toHaveLength(1), arrives);
    const caseId = (await casesOf(id))[0]!.id;
    const today = districtDayOf(new Date());
    // Three working days left when the provider appeals.
    await evaluationsDb().rectificationCase.update({ where: { id: caseId }, data: { deadline: new Date(`${expectedDeadline(today, 3)}T00:00:00Z`) } });
    const act = (q: string, vars: Record<string, unknown>, as: TokenClaims) =>
      hub.query<{ r: Case }>(`mutation${q.replace('$FIELDS', `{ ${caseFields} }`)}`, vars, as);
    const appealed = ok(
      await act(
        '($id: ID!) { r: appealRectificationCase(caseId: $id, reason: "该时段服务点停电，已提前告知居民") $FIELDS }',
        { id: caseId },
        provider(point.providerId),
      ),
    ).r;
    expect(appealed).toMatchObject({ status: 'APPEALED', waitingOn: 'DISTRICT', workingDaysLeft: 3, overdue: false });
    const waiting = ok(await hub.query<{ rectificationCases: Case[] }>(casesQuery, { waitingOn: 'DISTRICT' }, admin)).rectificationCases;
    expect(waiting.map((c) => c.id)).toContain(caseId);
    expect(waiting.every((c) => c.status === 'APPEALED' && c.waitingOn === 'DISTRICT')).toBe(true);
    expect(
      ok(await hub.query<{ rectificationCases: Case[] }>(casesQuery, { waitingOn: 'RESPONSIBLE' }, admin)).rectificationCases.map((c) => c.id),
    ).not.toContain(caseId);

    // The district takes its time: the old deadline passes meanwhile, and the case is not overdue for it.
    await evaluationsDb().rectificationCase.update({ where: { id: caseId }, data: { deadline: new Date('2026-01-05T00:00:00Z') } });
    expect((await caseOf(id))!).toMatchObject({ overdue: false, workingDaysLeft: 3 });
    expect(
      codeOf(
        await act(
          '($id: ID!) { r: decideRectificationAppeal(caseId: $id, upheld: false, note: "停电不影响电话告知") $FIELDS }',
          { id: caseId },
          provider(point.providerId),
        ),
      ),
    ).toBe('FORBIDDEN');
    const rejected = ok(
      await act('($id: ID!) { r: decideRectificationAppeal(caseId: $id, upheld: false, note: "停电不影响电话告知") $FIELDS }', { id: caseId }, admin),
    ).r;
    const decisionDay = districtDayOf(new Date());
    expect(rejected).toMatchObject({
      status: 'AWAITING_PLAN',
      waitingOn: 'RESPONSIBLE',
      deadline: expectedDeadline(decisionDay, 3),
      overdue: false,
      workingDaysLeft: 3,
    });

    // The plan goes to the community, whose committee staff verify it.
    const planned = ok(
      await act(
        '($id: ID!) { r: submitRectificationPlan(caseId: $id, plan: "按公示标准退还差价，收费前向居民出示价目表") $FIELDS }',
        { id: caseId },
        provider(point.providerId),
      ),
    ).r;
    expect(planned).toMatchObject({ status: 'PLAN_SUBMITTED', waitingOn: 'COMMUNITY', pendingCommunities: [{ id: point.communityId }] });
    expect(ok(await hub.query<{ rectificationCases: Case[] }>(casesQuery, { waitingOn: 'COMMUNITY' }, admin)).rectificationCases.map((c) => c.id)).toContain(
      caseId,
    );
    expect(
      codeOf(await act('($id: ID!) { r: verifyRectification(caseId: $id, accepted: true) $FIELDS }', { id: caseId }, staffOf('community-someone-else'))),
    ).toBe('FORBIDDEN');
    const verified = ok(
      await act(
        '($id: ID!) { r: verifyRectification(caseId: $id, accepted: true, note: "已电话回访居民，差价已退") $FIELDS }',
        { id: caseId },
        staffOf(point.communityId),
      ),
    ).r;
    expect(verified).toMatchObject({ status: 'VERIFIED', waitingOn: null, workingDaysLeft: null, pendingCommunities: [] });
  });
});
