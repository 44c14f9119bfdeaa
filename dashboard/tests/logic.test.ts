import { describe, expect, it } from 'vitest';
import type { ResultMessage } from '../src/api/types.ts';
import { backoffMs } from '../src/api/live.ts';
import { formatFen, formatPercent, formatScore } from '../src/format.ts';
import { enumLabel, loadLang, pickName, saveLang, t } from '../src/i18n.ts';
import { applyEvents, emptyBoard, rankRows } from '../src/live/board.ts';
import { districtRows, sortRows, totals } from '../src/overview/rows.ts';
import { href, parseRoute } from '../src/router.ts';

const result = (targetId: string, score: number | null, rank: number | null, revision = 1): ResultMessage => ({
  campaignId: 'c',
  campaignStatus: 'OPEN',
  targetKind: 'DEPARTMENT',
  targetId,
  ballotCount: score == null ? 3 : 10,
  eligibleVoters: 20,
  meetsMinBallots: score != null,
  score,
  grade: score == null ? null : score >= 90 ? 'EXCELLENT' : 'PASS',
  rank,
  revision,
});

describe('board', () => {
  it('applies a burst and keeps the newest per target', () => {
    const s = applyEvents(
      emptyBoard,
      [
        { type: 'result', message: result('a', 70, 2, 5) },
        { type: 'result', message: result('b', 80, 1, 5) },
        { type: 'progress', message: { campaignId: 'c', campaignStatus: 'OPEN', ballotsCast: 10, eligibleBallots: 40, turnout: 0.25, revision: 5 } },
      ],
      1,
    );
    const s2 = applyEvents(s, [{ type: 'result', message: result('a', 91, 1, 6) }], 2);
    expect(s2.results.a?.score).toBe(91);
    expect(s2.results.b?.score).toBe(80);
    expect(s2.revision).toBe(6);
    expect(s2.status).toBe('OPEN');
    expect(s.results.a?.score).toBe(70); // previous state untouched
    expect(applyEvents(s2, [], 3)).toBe(s2);
    expect(applyEvents(s2, [{ type: 'reset' }], 3).results).toEqual({});
  });

  it('ranks scored targets first and those below minBallots last, by name', () => {
    const targets = ['z', 'a', 'b', 'c'];
    const rows = rankRows(
      targets,
      (x) => x,
      (x) => x,
      { a: result('a', 60, 2), b: result('b', 80, 1), z: result('z', null, null) },
    );
    expect(rows.map((r) => r.target)).toEqual(['b', 'a', 'c', 'z']);
  });
});

describe('overview rows', () => {
  const streets = [
    {
      id: 's1',
      name: '乙街道',
      nameEn: 'B Street',
      pilot: false,
      communities: [
        {
          id: 'c1',
          name: '甲',
          nameEn: 'Alpha',
          population: 100,
          households: 40,
          representativeCount: 5,
          fundBalanceFen: 1000,
          serviceRequestStats: { open: 2, total: 3 },
        },
      ],
    },
    {
      id: 's2',
      name: '甲街道',
      nameEn: 'A Street',
      pilot: true,
      communities: [
        { id: 'c2', name: '乙', nameEn: 'Beta', population: 300, households: 90, representativeCount: 7, fundBalanceFen: 500, serviceRequestStats: null },
      ],
    },
  ];
  it('merges per-street counts and leaves unknown ones null', () => {
    const rows = districtRows(streets, {
      s1: {
        id: 's1',
        communities: [
          { id: 'c1', committeeMembers: [{ id: 'm' }, { id: 'n' }], servicePoints: null, partyOrganization: null, volunteerStats: { volunteers: 4, hours: 9 } },
        ],
      },
    });
    expect(rows[0]).toMatchObject({ committeeMembers: 2, servicePoints: 0, partyMembers: 0, volunteers: 4 });
    expect(rows[1]).toMatchObject({ committeeMembers: null, openRequests: null });
    expect(totals(rows)).toMatchObject({ population: 400, committeeMembers: null, fundBalanceFen: 1500 });
  });
  it('sorts numbers with unknowns last and names by language', () => {
    const rows = districtRows(streets, {});
    expect(sortRows(rows, { key: 'population', dir: 'desc' }, 'zh').map((r) => r.id)).toEqual(['c2', 'c1']);
    expect(sortRows(rows, { key: 'openRequests', dir: 'asc' }, 'zh').map((r) => r.id)).toEqual(['c1', 'c2']);
    expect(sortRows(rows, { key: 'openRequests', dir: 'desc' }, 'zh').map((r) => r.id)).toEqual(['c1', 'c2']);
    expect(sortRows(rows, { key: 'streetName', dir: 'asc' }, 'en').map((r) => r.id)).toEqual(['c2', 'c1']);
  });
});

describe('i18n and formatting', () => {
  it('remembers only a valid language and survives broken storage', () => {
    const m = new Map<string, string>();
    const storage = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
    expect(loadLang(storage)).toBe('zh');
    saveLang(storage, 'en');
    expect(loadLang(storage)).toBe('en');
    expect([...m.values()]).toEqual(['en']);
    m.set([...m.keys()][0]!, 'fr');
    expect(loadLang(storage)).toBe('zh');
    expect(
      loadLang({
        getItem: () => {
          throw new Error('denied');
        },
      }),
    ).toBe('zh');
  });
  it('picks names and labels', () => {
    expect(pickName('en', { name: '民族街道', nameEn: 'Minzu Street' })).toBe('Minzu Street');
    expect(pickName('en', { name: '民族街道', nameEn: '' })).toBe('民族街道');
    expect(pickName('zh', null)).toBe('—');
    expect(t('en', 'fewerThan', { k: 5 })).toBe('fewer than 5 ballots');
    expect(enumLabel('zh', 'EXCELLENT')).toBe('优秀');
    expect(enumLabel('en', 'SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });
  it('formats scores, percentages and fen', () => {
    expect(formatScore(null)).toBe('—');
    expect(formatScore(61.8)).toBe('61.80');
    expect(formatPercent(0.4474, 'en')).toBe('44.7%');
    expect(formatFen(14331000, 'en')).toContain('143,310.00');
  });
});

describe('routes and backoff', () => {
  it('round-trips routes', () => {
    for (const r of [
      { view: 'overview' },
      { view: 'community', id: 'community-minzu-01' },
      { view: 'scoreboard', campaignId: 'campaign-2026-h2' },
      { view: 'scoreboard', campaignId: null },
    ] as const)
      expect(parseRoute(href(r))).toEqual(r);
    expect(parseRoute('')).toEqual({ view: 'scoreboard', campaignId: null });
    expect(parseRoute('#/nonsense')).toEqual({ view: 'scoreboard', campaignId: null });
  });
  it('backs off exponentially up to 15 s', () => {
    expect(backoffMs(0, () => 0.5)).toBe(500);
    expect(backoffMs(3, () => 0.5)).toBe(4000);
    expect(backoffMs(50, () => 1)).toBe(18750);
    expect(backoffMs(50, () => 0)).toBeLessThanOrEqual(15_000);
  });
});
