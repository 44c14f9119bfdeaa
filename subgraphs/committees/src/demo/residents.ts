import { seededRandom, syntheticName } from '@shequ/kit';
import type { FieldCipher } from '@shequ/kit/crypto/field-cipher';
import type { Gender, VulnerableGroup } from '../generated/prisma/enums.js';
import { sealIdCard } from '../residents/cipher.js';
import { demoIdCard } from '../residents/id-card.js';
import { day, mobile, pad, suffix, type DemoCommunity } from './common.js';

export const residentsPerCommunity = 30;

/** `community-minzu-01`, 1 → `resident-minzu-01-0001`. */
export const residentId = (communityId: string, n: number) => `resident-${suffix(communityId)}-${pad(n, 4)}`;

/** Synthetic residents with valid, unique, made-up ID-card numbers (sealed before they are stored). */
export function demoResidents(communities: DemoCommunity[], cipher: FieldCipher) {
  const used = new Set<string>();
  return communities.flatMap((c) => {
    const random = seededRandom(`residents-${c.id}`);
    return Array.from({ length: residentsPerCommunity }, (_, i) => {
      const gender: Gender = random.chance(0.52) ? 'FEMALE' : 'MALE';
      const birthDate = `${random.int(1932, 2006)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
      // The sequence's last digit is odd for men and even for women, as on real cards.
      let sequence = random.int(0, 498) * 2 + (gender === 'MALE' ? 1 : 0);
      let idCard = demoIdCard(birthDate, sequence);
      while (used.has(idCard)) idCard = demoIdCard(birthDate, (sequence += 2));
      used.add(idCard);
      const age = 2025 - Number(birthDate.slice(0, 4));
      const groups: VulnerableGroup[] = [];
      if (random.chance(0.05)) groups.push('DISABLED');
      if (random.chance(0.04)) groups.push('ENTITLED');
      if (random.chance(0.06)) groups.push('LOW_INCOME');
      if (age >= 60 && random.chance(0.2)) groups.push('LIVING_ALONE');
      return {
        id: residentId(c.id, i + 1),
        communityId: c.id,
        name: syntheticName(random, gender).name,
        gender,
        birthDate: day(birthDate),
        ...sealIdCard(cipher, idCard),
        phone: random.chance(0.85) ? mobile(random) : null,
        address: `${c.name}${random.int(1, 40)}号${random.int(1, 6)}单元${random.int(1, 18)}0${random.int(1, 4)}室`,
        vulnerableGroups: groups,
      };
    });
  });
}
