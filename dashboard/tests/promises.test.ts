import { describe, expect, it } from 'vitest';
import type { CommitmentsData, RectificationCase, ServicePointPublicity } from '../src/api/types.ts';
import { isRefusal } from '../src/api/http.ts';
import { filterGroups, ownerGroups } from '../src/commitments/groups.ts';
import { districtToday, pastDeadline } from '../src/deadline.ts';
import { appealState, caseRows, filterCases, isOverdue, sortCases, targetName } from '../src/rectification/cases.ts';
import { href, parseRoute } from '../src/router.ts';

const rcase = (id: string, status: RectificationCase['status'], deadline: string, extra: Partial<RectificationCase> = {}): RectificationCase => ({
  id,
  targetKind: 'STREET',
  targetId: `street-${id}`,
  street: { id: `street-${id}`, name: `${id}街道`, nameEn: `${id} Street` },
  department: null,
  staff: null,
  provider: null,
  campaign: { id: 'c', title: '评议' },
  badReviews: 3,
  openedOn: '2026-07-03',
  deadline,
  status,
  plan: null,
  planSubmittedAt: null,
  revisionNote: null,
  appeal: null,
  resolvedAt: null,
  ...extra,
});

describe('deadlines', () => {
  it('counts days in the district (UTC+8), not the browser', () => {
    expect(districtToday(new Date('2026-07-24T15:59:59Z'))).toBe('2026-07-24');
    expect(districtToday(new Date('2026-07-24T16:00:00Z'))).toBe('2026-07-25');
  });

  it('is missed from the day after the deadline', () => {
    expect(pastDeadline('2026-07-24', '2026-07-24')).toBe(false);
    expect(pastDeadline('2026-07-24', '2026-07-25')).toBe(true);
    expect(pastDeadline('2026-07-24T00:00:00.000Z', '2026-07-25')).toBe(true);
  });
});

describe('rectification cases', () => {
  it('are overdue past the deadline unless verified, dismissed or waiting on an appeal', () => {
    const today = '2026-08-01';
    expect(isOverdue(rcase('a', 'AWAITING_PLAN', '2026-07-24'), today)).toBe(true);
    expect(isOverdue(rcase('a', 'PLAN_SUBMITTED', '2026-07-24'), today)).toBe(true);
    expect(isOverdue(rcase('a', 'APPEALED', '2026-07-24'), today)).toBe(false);
    expect(isOverdue(rcase('a', 'VERIFIED', '2026-07-24'), today)).toBe(false);
    expect(isOverdue(rcase('a', 'DISMISSED', '2026-07-24'), today)).toBe(false);
    expect(isOverdue(rcase('a', 'AWAITING_PLAN', '2026-08-01'), today)).toBe(false);
  });

  it('sort open first, then by deadline either way, stably', () => {
    const rows = caseRows(
      [
        rcase('v', 'VERIFIED', '2026-07-01'),
        rcase('b', 'AWAITING_PLAN', '2026-07-30'),
        rcase('a', 'APPEALED', '2026-07-10'),
        rcase('c', 'PLAN_SUBMITTED', '2026-07-10'),
      ],
      '2026-07-20',
    );
    expect(sortCases(rows, 'asc').map((r) => r.id)).toEqual(['a', 'c', 'b', 'v']);
    expect(sortCases(rows, 'desc').map((r) => r.id)).toEqual(['b', 'a', 'c', 'v']);
    expect(rows.map((r) => [r.id, r.overdue, r.open])).toEqual([
      ['v', false, false],
      ['b', false, true],
      ['a', false, true], // appealed: the deadline stands still
      ['c', true, true],
    ]);
    expect(filterCases(rows, 'APPEALED').map((r) => r.id)).toEqual(['a']);
    expect(filterCases(rows, '')).toHaveLength(4);
  });

  it('name the target and the appeal state', () => {
    expect(targetName('en', rcase('x', 'VERIFIED', '2026-07-01'))).toBe('x Street');
    expect(targetName('zh', rcase('x', 'VERIFIED', '2026-07-01', { street: null, staff: { id: 's', name: '王芳', position: '科长' } }))).toBe('王芳（科长）');
    expect(targetName('zh', rcase('x', 'VERIFIED', '2026-07-01', { street: null }))).toBe('street-x');
    expect(appealState(rcase('x', 'APPEALED', '2026-07-01'))).toBe('none');
    expect(appealState(rcase('x', 'APPEALED', '2026-07-01', { appeal: { appealedAt: 't', decision: null, decidedAt: null } }))).toBe('pending');
    expect(appealState(rcase('x', 'DISMISSED', '2026-07-01', { appeal: { appealedAt: 't', decision: 'UPHELD', decidedAt: 't' } }))).toBe('UPHELD');
  });

  it('treat only sign-in and permission refusals as refusals', () => {
    expect(isRefusal('UNAUTHENTICATED')).toBe(true);
    expect(isRefusal('FORBIDDEN')).toBe(true);
    expect(isRefusal('INTERNAL_SERVER_ERROR')).toBe(false);
    expect(isRefusal(undefined)).toBe(false);
  });
});

describe('commitments by owner', () => {
  const named = (id: string, name: string, nameEn: string) => ({ id, name, nameEn, commitmentCounts: null });
  const commitment = (
    id: string,
    ownerType: 'STREET' | 'DEPARTMENT' | 'SERVICE_POINT',
    ownerId: string,
    deadline: string,
    status: 'PENDING' | 'KEPT' | 'BROKEN',
    extra: Partial<CommitmentsData['commitments'][number]> = {},
  ) => ({
    id,
    ownerType,
    ownerId,
    department: null,
    street: null,
    servicePoint: null,
    title: id.toUpperCase(),
    target: id,
    deadline,
    status,
    resolvedAt: null,
    communityCount: 2,
    assessmentCount: status === 'PENDING' ? 0 : 2,
    latestAssessment: null,
    ...extra,
  });
  const data: CommitmentsData = {
    departments: [{ ...named('d1', '民政局', 'Civil Affairs Bureau'), commitmentCounts: { total: 9, kept: 5, broken: 3, pending: 1, overdue: 1 } }],
    streets: [named('s1', '花楼街道', 'Hualou Street'), named('s2', '常青街道', 'Changqing Street')],
    commitments: [
      commitment('c2', 'STREET', 's1', '2026-05-01', 'PENDING'),
      commitment('c1', 'STREET', 's1', '2026-03-01', 'KEPT', {
        resolvedAt: '2026-03-02T00:00:00Z',
        latestAssessment: {
          communityId: 'k1',
          community: { id: 'k1', name: '社区一', nameEn: 'Community One' },
          verdict: 'KEPT',
          evidence: '已兑现',
          assessedOn: '2026-03-02',
        },
      }),
      commitment('c3', 'DEPARTMENT', 'd1', '2026-09-01', 'BROKEN'),
      commitment('pc1', 'SERVICE_POINT', 'p1', '2026-04-01', 'PENDING', {
        servicePoint: {
          id: 'p1',
          name: '养老驿站',
          nameEn: 'Elderly care post',
          community: { id: 'k1', name: '社区一', nameEn: 'Community One' },
          street: null,
        },
      }),
      commitment('pc9', 'SERVICE_POINT', 'p9', '2026-01-01', 'KEPT', {
        servicePoint: { id: 'p9', name: '旧网点', nameEn: 'Old point', community: null, street: { id: 's2', name: '常青街道', nameEn: 'Changqing Street' } },
      }),
    ],
    notices: [
      { id: 'n1', ownerType: 'STREET', ownerId: 's2', title: 'N', body: 'n', publishedAt: '2026-01-01T00:00:00Z' },
      { id: 'n2', ownerType: 'DEPARTMENT', ownerId: 'dx', title: 'M', body: 'm', publishedAt: '2026-01-02T00:00:00Z' },
    ],
  };
  const points: ServicePointPublicity[] = [
    {
      id: 'p1',
      name: '养老驿站',
      nameEn: 'Elderly care post',
      community: { id: 'k1', name: '社区一', nameEn: 'Community One' },
      street: null,
      commitmentCounts: { total: 1, kept: 0, broken: 0, pending: 1, overdue: 1 },
      notices: [{ id: 'pn1', kind: 'CHARGES', title: '收费', content: '免费', publishedAt: '2026-02-01T00:00:00Z', expiresAt: null }],
    },
    { id: 'p2', name: '空', nameEn: 'Empty', community: null, street: null, commitmentCounts: null, notices: [] },
  ];

  it('groups departments, streets and service points, each by name, with the counts that stand against them', () => {
    const groups = ownerGroups(data, points, '2026-04-15', 'en');
    expect(groups.map((g) => g.key)).toEqual(['DEPARTMENT:d1', 'DEPARTMENT:dx', 'STREET:s2', 'STREET:s1', 'SERVICE_POINT:p1', 'SERVICE_POINT:p9']);
    const hualou = groups.find((g) => g.key === 'STREET:s1')!;
    expect(hualou.owner.nameEn).toBe('Hualou Street');
    expect(hualou.commitments.map((c) => c.id)).toEqual(['c1', 'c2']);
    // No record from the API: counted from the list.
    expect(hualou.counts).toEqual({ total: 2, kept: 1, broken: 0, pending: 1, overdue: 0 });
    expect(hualou.commitments[0]).toMatchObject({ assessed: { count: 2, of: 2 }, latest: { verdict: 'KEPT', evidence: '已兑现' } });
    const point = groups.find((g) => g.key === 'SERVICE_POINT:p1')!;
    expect(point.place?.name).toBe('社区一');
    expect(point.commitments[0]).toMatchObject({ title: 'PC1', target: 'pc1', overdue: true });
    expect(point.counts).toEqual({ total: 1, kept: 0, broken: 0, pending: 1, overdue: 1 });
    expect(point.notices[0]?.kind).toBe('CHARGES');
    // A point no longer in service is named, and placed, through its commitments.
    const old = groups.find((g) => g.key === 'SERVICE_POINT:p9')!;
    expect([old.owner.name, old.place?.name]).toEqual(['旧网点', '常青街道']);
    expect(groups.find((g) => g.key === 'DEPARTMENT:dx')!.owner.name).toBe('dx'); // unnamed owner: its id
    // The owner's own record wins over what this page happens to list.
    expect(groups.find((g) => g.key === 'DEPARTMENT:d1')!.counts).toEqual({ total: 9, kept: 5, broken: 3, pending: 1, overdue: 1 });
  });

  it('filters by kind of owner and copes with a missing half', () => {
    const groups = ownerGroups(data, points, '2026-04-15', 'zh');
    expect(filterGroups(groups, 'SERVICE_POINT').map((g) => g.key)).toEqual(['SERVICE_POINT:p9', 'SERVICE_POINT:p1']); // 旧 (jiù) before 养 (yǎng)
    expect(filterGroups(groups, '')).toHaveLength(6);
    expect(ownerGroups(null, points, '2026-04-15', 'zh').map((g) => g.key)).toEqual(['SERVICE_POINT:p1']);
    expect(ownerGroups(data, null, '2026-04-15', 'zh')).toHaveLength(6);
  });
});

describe('routes of the new views', () => {
  it('round-trip', () => {
    for (const view of ['rectification', 'commitments'] as const) {
      expect(parseRoute(href({ view }))).toEqual({ view });
    }
    expect(href({ view: 'rectification' })).toBe('#/rectification');
    expect(href({ view: 'commitments' })).toBe('#/commitments');
  });
});
