// The demo's festival table against the lunar calendar's own arithmetic, and the demo's dates
// against its reference day.
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, demoCoConstruction, demoCommunities, demoDonations, demoReferenceDay, festivalDay, festivalsBetween } from '../src/index.js';

const years = [2022, 2023, 2024, 2025, 2026, 2027, 2028];

describe('demo calendar', () => {
  it('puts 元宵 fourteen days after 春节 and 重阳 23 or 24 days after 中秋, every year of the table', () => {
    for (const year of years) {
      expect(daysBetween(festivalDay('SPRING_FESTIVAL', year), festivalDay('LANTERN', year))).toBe(14);
      expect([23, 24]).toContain(daysBetween(festivalDay('MID_AUTUMN', year), festivalDay('DOUBLE_NINTH', year)));
      // 春节 falls between 21 January and 20 February; 清明 on 4 or 5 April.
      const spring = festivalDay('SPRING_FESTIVAL', year);
      expect(spring >= new Date(Date.UTC(year, 0, 21)) && spring <= new Date(Date.UTC(year, 1, 20))).toBe(true);
      expect([4, 5]).toContain(festivalDay('QINGMING', year).getUTCDate());
    }
    expect(() => festivalDay('MID_AUTUMN', 2035)).toThrow(/no festival dates/);
    expect(festivalsBetween(new Date('2025-09-01T00:00:00Z'), new Date('2025-12-31T00:00:00Z')).map((f) => f.festival)).toEqual(['MID_AUTUMN', 'DOUBLE_NINTH']);
  });

  it('anchors to SHEQU_DEMO_DAY when pinned, refusing a malformed one', () => {
    expect(demoReferenceDay({ SHEQU_DEMO_DAY: '2026-03-15' }).toISOString()).toBe('2026-03-15T00:00:00.000Z');
    expect(() => demoReferenceDay({ SHEQU_DEMO_DAY: '15.03.2026' })).toThrow(/SHEQU_DEMO_DAY/);
  });

  it('builds co-construction data with unique unit names, contributions inside their agreements and up to the reference day', () => {
    const reference = new Date('2026-12-02T00:00:00Z');
    for (const community of demoCommunities) {
      const { units, agreements, contributions } = demoCoConstruction(community, reference);
      expect(new Set(units.map((u) => u.name)).size).toBe(units.length);
      for (const c of contributions) {
        const a = agreements.find((x) => x.id === c.agreementId)!;
        expect(c.contributedOn >= a.signedOn && (!a.validUntil || c.contributedOn <= a.validUntil) && c.contributedOn <= reference).toBe(true);
      }
      expect(demoDonations(community, reference).map((d) => d.contributionId)).toEqual(contributions.filter((c) => c.kind === 'MONEY').map((c) => c.id));
    }
    // Recent: some contribution of the district in the last three months.
    const latest = Math.max(...demoCommunities.flatMap((c) => demoCoConstruction(c, reference).contributions.map((k) => k.contributedOn.getTime())));
    expect(latest).toBeGreaterThan(addDays(reference, -90).getTime());
  });
});
