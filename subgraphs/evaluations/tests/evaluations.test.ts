import { readFileSync } from 'node:fs';
import { printSubgraphSchema } from '@apollo/subgraph';
import { anonymise, anonymisedList, createLogger, demoDepartments, demoStaffRoster, demoStreets, repoRoot } from '@shequ/kit';
import { describeOnEachDatabase, startTestSubgraph, type TestSubgraph } from '@shequ/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../src/db.js';
import { addWorkingDays, districtDayOf, halfYearOf } from '../src/domain/calendar.js';
import { daysLeftAtAppeal, isOverdue, resumedDeadline, waitingOn, workingDaysLeft } from '../src/domain/rectification.js';
import { computeResults, roundRatio } from '../src/domain/scoring.js';
import evaluations from '../src/index.js';

it('the published SDL in schema/ matches the code (run `npm run compose`)', () => {
  expect(`${printSubgraphSchema(evaluations.schema).trim()}\n`).toBe(readFileSync(`${repoRoot}/schema/evaluations.graphql`, 'utf8'));
});

describe('the results formula', () => {
  const criteria = [
    { key: 'a', label: 'A', weightHundredths: 40 },
    { key: 'b', label: 'B', weightHundredths: 35 },
    { key: 'c', label: 'C', weightHundredths: 25 },
  ];
  const dept = (targetId: string) => ({ targetId, kind: 'DEPARTMENT' as const, eligibleVoters: 100 });

  it('rounds half up on the exact ratio, not on a float', () => {
    expect(roundRatio(759375n, 10000n, 2)).toBe(75.94); // 75.9375
    expect(roundRatio(1n, 8n, 2)).toBe(0.13); // 0.125
    expect(roundRatio(2n, 3n, 4)).toBe(0.6667);
    expect(roundRatio(0n, 7n, 2)).toBe(0);
  });

  it('scores, grades and ranks with ties sharing a rank (1, 2, 2, 4) per kind', () => {
    const ballots = [
      ...[
        [5, 5, 5],
        [5, 5, 5],
      ].map((levels) => ({ targetId: 'x', levels })), // 100
      ...[
        [4, 4, 4],
        [4, 4, 4],
      ].map((levels) => ({ targetId: 'y', levels })), // 75
      ...[
        [5, 5, 5],
        [3, 3, 3],
      ].map((levels) => ({ targetId: 'z', levels })), // 75: the tie
      ...[
        [1, 1, 1],
        [2, 2, 2],
      ].map((levels) => ({ targetId: 'w', levels })), // 12.5, two bad reviews
      ...[
        [3, 3, 3],
        [3, 3, 3],
      ].map((levels) => ({ targetId: 's', levels })), // a street: ranked on its own
    ];
    const targets = [dept('x'), dept('y'), dept('z'), dept('w'), { targetId: 's', kind: 'STREET' as const, eligibleVoters: 10 }];
    const r = new Map(computeResults(criteria, targets, ballots, 2).map((x) => [x.targetId, x]));
    expect(['x', 'y', 'z', 'w', 's'].map((t) => [r.get(t)!.score, r.get(t)!.grade, r.get(t)!.rank])).toEqual([
      [100, 'EXCELLENT', 1],
      [75, 'GOOD', 2],
      [75, 'GOOD', 2],
      [12.5, 'FAIL', 4],
      [50, 'FAIL', 1],
    ]);
    expect(r.get('z')).toMatchObject({ satisfactionRate: 1, badReviews: 0 });
    expect(r.get('w')).toMatchObject({ satisfactionRate: 0, badReviews: 2 });
    // Ballot score exactly 3 is "basically satisfied", not a bad review.
    expect(r.get('s')).toMatchObject({ satisfactionRate: 1, badReviews: 0 });
  });

  it('shows only the ballot count below minBallots, and ranks without those targets', () => {
    const ballots = [
      { targetId: 'x', levels: [2, 2, 2] },
      { targetId: 'y', levels: [4, 4, 4] },
      { targetId: 'y', levels: [4, 4, 4] },
    ];
    const [x, y] = computeResults(criteria, [dept('x'), dept('y')], ballots, 2);
    expect(x).toMatchObject({ ballotCount: 1, visible: false, score: null, grade: null, rank: null, satisfactionRate: null, badReviews: null, criteria: null });
    expect(y).toMatchObject({ ballotCount: 2, visible: true, rank: 1 });
  });

  it('uses the grade thresholds 90, 75 and 60 inclusively', () => {
    // One criterion: score = 25 × (level − 1); mean levels 4.6, 4.0, 3.4 and a bit less.
    const one = [{ key: 'a', label: 'A', weightHundredths: 100 }];
    const spread = (targetId: string, levels: number[]) => levels.map((l) => ({ targetId, levels: [l] }));
    const ballots = [
      ...spread('ninety', [5, 5, 5, 4, 4]),
      ...spread('seventyfive', [4]),
      ...spread('sixty', [4, 4, 3, 3, 3]),
      ...spread('below', [4, 3, 3, 3, 3]),
    ];
    const r = computeResults(one, ['ninety', 'seventyfive', 'sixty', 'below'].map(dept), ballots, 1);
    expect(r.map((x) => [x.score, x.grade])).toEqual([
      [90, 'EXCELLENT'],
      [75, 'GOOD'],
      [60, 'PASS'],
      [55, 'FAIL'],
    ]);
  });
});

describe('calendar and comments', () => {
  it('counts 15 working days, skipping weekends', () => {
    expect(addWorkingDays('2026-07-03', 15)).toBe('2026-07-24'); // a Friday → three weeks later
    expect(addWorkingDays('2026-07-04', 1)).toBe('2026-07-06'); // Saturday → Monday
    expect(districtDayOf(new Date('2026-06-30T17:00:00Z'))).toBe('2026-07-01'); // 01:00 in Wuhan
    expect(halfYearOf(new Date('2026-06-30T17:00:00Z'))).toMatchObject({ start: '2026-07-01', end: '2026-12-31', half: 2 });
  });

  it('counts the deadline across National Day and its 补班 Saturday', () => {
    // Closed on Monday 2026-09-28: Sep 29, 30 · Oct 1–7 off · Oct 8, 9, Sat 10 worked · Oct 12–16 · Oct 19–23.
    expect(addWorkingDays('2026-09-28', 15)).toBe('2026-10-23');
  });

  it('stops the clock during an appeal and gives the days left back when it is rejected', () => {
    const at = (day: string) => new Date(`${day}T04:00:00Z`); // noon in Wuhan
    const deadline = new Date('2026-09-30T00:00:00Z');
    // Appealed on Thursday 2026-09-24, before 中秋 (Sep 25–27 off): Mon 28, 29, 30 were left.
    expect(daysLeftAtAppeal(deadline, at('2026-09-24'))).toBe(3);
    const appealed = { status: 'APPEALED' as const, deadline, appealDaysLeft: 3 };
    expect(isOverdue(appealed, at('2026-10-20'))).toBe(false);
    expect(workingDaysLeft(appealed, at('2026-10-20'))).toBe(3);
    expect(waitingOn(appealed)).toBe('DISTRICT');
    // Rejected on Friday 2026-10-09: Sat 10 (worked), Mon 12, Tue 13.
    expect(resumedDeadline(appealed, at('2026-10-09')).toISOString().slice(0, 10)).toBe('2026-10-13');
    // Appealed when already past the deadline: the deadline stays, still overdue after a rejection.
    expect(daysLeftAtAppeal(deadline, at('2026-10-08'))).toBeNull();
    expect(resumedDeadline({ deadline, appealDaysLeft: null }, at('2026-10-20'))).toEqual(deadline);
    expect(waitingOn({ status: 'PLAN_SUBMITTED' })).toBe('COMMUNITY');
    expect(waitingOn({ status: 'VERIFIED' })).toBeNull();
  });

  it('strips phone and ID-card numbers and e-mail addresses, and sorts so order tells nothing', () => {
    expect(anonymise('  请回电 138-1234-5678，身份证 42010319800101123X  邮箱 li@example.cn ')).toBe('请回电 ***，身份证 *** 邮箱 ***');
    expect(anonymisedList(['b', null, ' ', 'a'])).toEqual(['a', 'b']);
  });
});

await describeOnEachDatabase('evaluations', (kind) => {
  let sg: TestSubgraph<DB>;
  beforeAll(async () => {
    sg = await startTestSubgraph(evaluations, kind);
  });
  afterAll(() => sg?.dispose());

  it('seeds an OPEN current campaign and a PUBLISHED past one with cases, idempotently', async () => {
    const count = async () => Promise.all([sg.db.prisma.campaign.count(), sg.db.prisma.ballot.count(), sg.db.prisma.rectificationCase.count()]);
    const [campaigns, ballots, cases] = await count();
    expect(campaigns).toBe(2);
    expect(ballots).toBeGreaterThan(10_000);
    expect(cases).toBeGreaterThan(0);
    await evaluations.seed!(sg.db.prisma, createLogger('test', 'silent'), { fieldCipher: sg.shared.fieldCipher });
    expect(await count()).toEqual([campaigns, ballots, cases]);
    const current = halfYearOf(new Date());
    const open = await sg.db.prisma.campaign.findFirstOrThrow({ where: { status: 'OPEN' }, include: { targets: true } });
    expect(open.periodStart.toISOString().slice(0, 10)).toBe(current.start);
    // Every staff member sent down to a community is scored, besides the departments and streets.
    const staff = demoStaffRoster().filter((m) => m.communityIds.length > 0).length;
    expect(staff).toBeGreaterThan(50);
    expect(open.targets.map((t) => t.kind).sort()).toEqual([
      ...Array(demoDepartments.length).fill('DEPARTMENT'),
      ...Array(staff).fill('STAFF'),
      ...Array(demoStreets.length).fill('STREET'),
    ]);
  });

  it('computes every result of a campaign with a fixed number of SQL statements, however many targets and ballots', async () => {
    const q = 'query($id: ID!) { campaign(id: $id) { results { targetId score rank comments criteria { meanLevel } } progress { turnout } } }';
    const admin = { role: 'DISTRICT_ADMIN' };
    const published = await sg.db.prisma.campaign.findFirstOrThrow({ where: { status: 'PUBLISHED' } });
    const open = await sg.db.prisma.campaign.findFirstOrThrow({ where: { status: 'OPEN' } });
    const small = await sg.db.prisma.campaign.create({
      data: {
        id: 'campaign-small',
        title: 's',
        periodStart: new Date('2026-01-01'),
        periodEnd: new Date('2026-06-30'),
        status: 'OPEN',
        criteria: { create: [{ key: 'a', label: 'A', weightHundredths: 100, position: 0 }] },
        targets: { create: [{ targetId: 'dept-health', kind: 'DEPARTMENT', position: 0 }] },
      },
    });
    const counts = [];
    for (const id of [published.id, open.id, small.id]) {
      const { result, statements } = await sg.db.queries.measure(() => sg.query(q, { id }, admin));
      expect(result.errors).toBeUndefined();
      counts.push(statements);
    }
    expect((await sg.query(q, { id: published.id }, admin)).data!.campaign.results).toHaveLength(
      demoDepartments.length + demoStreets.length + demoStaffRoster().filter((m) => m.communityIds.length > 0).length,
    );
    expect(new Set(counts).size).toBe(1);
    expect(counts[0]).toBeLessThanOrEqual(5);
  });
});
