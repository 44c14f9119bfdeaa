// The demo's synthetic people: names of two or three characters that fit the recorded gender,
// and one staff roster that every subgraph reads the same way.
import { describe, expect, it } from 'vitest';
import { demoCommunities, demoDepartments, demoStaffRoster, demoStreets, seededRandom, syntheticName } from '../src/index.js';

const han = /^[\u4e00-\u9fff]+$/;

describe('synthetic names', () => {
  const random = seededRandom('names-test');
  const names = Array.from({ length: 4000 }, (_, i) => syntheticName(random, i % 3 === 0 ? undefined : i % 3 === 1 ? 'FEMALE' : 'MALE'));

  it('have two or three Chinese characters', () => {
    for (const n of names) {
      expect(n.name, n.name).toMatch(han);
      expect([2, 3], n.name).toContain(n.name.length);
    }
    // Both lengths occur, and a compound surname now and then, but rarely.
    expect(names.some((n) => n.name.length === 2) && names.some((n) => n.name.length === 3)).toBe(true);
    const compound = names.filter((n) => /^(欧阳|司马|诸葛|上官|东方)/.test(n.name)).length;
    expect(compound).toBeGreaterThan(0);
    expect(compound / names.length).toBeLessThan(0.1);
  });

  it('fit the gender asked for, and tell the drawn one when none was', () => {
    const women = names.filter((_, i) => i % 3 === 1);
    const men = names.filter((_, i) => i % 3 === 2);
    expect(women.every((n) => n.gender === 'FEMALE')).toBe(true);
    expect(men.every((n) => n.gender === 'MALE')).toBe(true);
    const given = (n: { name: string; surnameEn: string }) => n.name.slice(/^(Ouyang|Sima|Zhuge|Shangguan|Dongfang)$/.test(n.surnameEn) ? 2 : 1);
    const womenGiven = new Set(women.map(given));
    const menGiven = new Set(men.map(given));
    expect([...womenGiven].filter((g) => menGiven.has(g))).toEqual([]);
    const drawn = names.filter((_, i) => i % 3 === 0);
    for (const n of drawn) expect((n.gender === 'FEMALE' ? womenGiven : menGiven).has(given(n)), n.name).toBe(true);
    expect(new Set(drawn.map((n) => n.gender))).toEqual(new Set(['FEMALE', 'MALE']));
  });

  it('are the same on every run', () => {
    const again = seededRandom('names-test');
    expect(syntheticName(again, 'FEMALE')).toEqual(syntheticName(seededRandom('names-test'), 'FEMALE'));
  });
});

describe('the demo staff roster', () => {
  it('sends staff down so that every community has department and street staff, street staff only in their street', () => {
    const roster = demoStaffRoster();
    expect(roster).toHaveLength(demoDepartments.length * 8 + demoStreets.length * 5);
    const streetOf = new Map(demoCommunities.map((c) => [c.id, c.streetId]));
    for (const c of demoCommunities) {
      const here = roster.filter((m) => m.communityIds.includes(c.id));
      expect(
        here.some((m) => m.unitType === 'DEPARTMENT'),
        c.id,
      ).toBe(true);
      expect(
        here.some((m) => m.unitType === 'STREET' && m.unitId === c.streetId),
        c.id,
      ).toBe(true);
    }
    for (const m of roster.filter((s) => s.unitType === 'STREET')) for (const id of m.communityIds) expect(streetOf.get(id)).toBe(m.unitId);
    // Each unit's head stays in the office.
    expect(roster.filter((m) => m.n === 1).every((m) => m.communityIds.length === 0)).toBe(true);
  });
});
