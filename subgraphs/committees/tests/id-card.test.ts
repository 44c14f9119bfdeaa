import { randomBytes } from 'node:crypto';
import { demoCommunities } from '@shequ/kit';
import { createFieldCipher } from '@shequ/kit/crypto/field-cipher';
import { describe, expect, it } from 'vitest';
import { demoResidents } from '../src/demo/residents.js';
import { vulnerableGroupsOf } from '../src/residents/groups.js';
import { checkCharacter, demoIdCard, maskIdCard, parseIdCard } from '../src/residents/id-card.js';

describe('ID-card numbers', () => {
  it('accepts valid numbers (check character, real birth date) and reads birth date and sex', () => {
    expect(checkCharacter('42010319500307102')).toBe('X');
    expect(parseIdCard(' 42010319500307102x ')).toEqual({ number: '42010319500307102X', birthDate: '1950-03-07', gender: 'FEMALE' });
    expect(parseIdCard(demoIdCard('1988-11-02', 3))).toMatchObject({ birthDate: '1988-11-02', gender: 'MALE' });
  });

  it('rejects wrong check characters, impossible dates and wrong shapes', () => {
    expect(parseIdCard('420103195003071021')).toBeNull();
    const feb30 = '42010319990230123';
    expect(parseIdCard(feb30 + checkCharacter(feb30))).toBeNull();
    for (const bad of ['', '4201031950030710', '42010319500307102XX', '4201031950030710AX']) expect(parseIdCard(bad)).toBeNull();
  });

  it('masks all but the region and the last four', () => {
    expect(maskIdCard('42010319500307102X')).toBe('420103********102X');
  });
});

describe('demo residents', () => {
  const cipher = createFieldCipher(randomBytes(32));
  const residents = demoResidents(demoCommunities.slice(0, 20), cipher);

  it('have unique, sealed ID-card numbers whose hash and mask match, and sexes that match them', () => {
    expect(new Set(residents.map((r) => r.idCardHash)).size).toBe(residents.length);
    for (const r of residents.slice(0, 100)) {
      const number = cipher.decrypt(r.idCardCipher);
      expect(r.idCardCipher).not.toContain(number);
      expect(parseIdCard(number)).toMatchObject({ birthDate: r.birthDate.toISOString().slice(0, 10), gender: r.gender });
      expect(r.idCardMasked).toBe(maskIdCard(number));
      expect(r.idCardHash).toBe(cipher.lookupHash(number));
    }
  });

  it('derive ELDERLY from the birth date instead of storing it', () => {
    expect(residents.some((r) => r.vulnerableGroups.includes('ELDERLY'))).toBe(false);
    const today = new Date('2026-06-01T00:00:00Z');
    expect(vulnerableGroupsOf({ birthDate: new Date('1966-06-01T00:00:00Z'), vulnerableGroups: ['DISABLED'] }, today)).toEqual(['ELDERLY', 'DISABLED']);
    expect(vulnerableGroupsOf({ birthDate: new Date('1966-06-02T00:00:00Z'), vulnerableGroups: [] }, today)).toEqual([]);
  });
});
