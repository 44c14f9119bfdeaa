import { describe, expect, it } from 'vitest';
import { anonymise, demoGovernanceComplaint, demoServiceComplaint, seededRandom } from '../src/index.js';

describe('demo complaints', () => {
  it('are composed, so that a hundred of them are mostly different, and the same for the same seed', () => {
    const make = (seed: string) => {
      const random = seededRandom(seed);
      return Array.from({ length: 100 }, (_, i) => (i % 2 ? demoGovernanceComplaint(random) : demoServiceComplaint(random, '助餐服务')));
    };
    const texts = make('a');
    expect(new Set(texts).size).toBeGreaterThan(85);
    expect(make('a')).toEqual(texts);
    expect(texts.every((t) => t.endsWith('。'))).toBe(true);
  });

  it('sometimes carry a phone number, which the anonymiser takes out', () => {
    const random = seededRandom('phones');
    const withPhone = Array.from({ length: 400 }, () => demoServiceComplaint(random)).filter((t) => /1[358]\d{9}/.test(t));
    expect(withPhone.length).toBeGreaterThan(0);
    for (const text of withPhone) expect(anonymise(text)).not.toMatch(/\d{7,}/);
  });
});
