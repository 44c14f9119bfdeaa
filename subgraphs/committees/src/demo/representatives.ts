import { representativeId, representativesPerCommunity, seededRandom, syntheticName } from '@shequ/kit';
import type { Constituency, Gender } from '../generated/prisma/enums.js';
import { mobile, type DemoCommunity } from './common.js';

/** Most representatives speak for residents; the rest for units, party members and organisations. */
function constituency(n: number): Constituency {
  if (n <= 9) return 'RESIDENTS';
  if (n <= 12) return 'JURISDICTION_UNITS';
  if (n <= 14) return 'PARTY_MEMBERS';
  return 'SOCIAL_ORGANISATIONS';
}

export function demoRepresentatives(communities: DemoCommunity[]) {
  return communities.flatMap((c) => {
    const random = seededRandom(`representatives-${c.id}`);
    return Array.from({ length: representativesPerCommunity }, (_, i) => {
      const gender: Gender = random.chance(0.5) ? 'FEMALE' : 'MALE';
      return {
        id: representativeId(c.id, i + 1),
        communityId: c.id,
        name: syntheticName(random, gender).name,
        gender,
        constituency: constituency(i + 1),
        phone: mobile(random),
      };
    });
  });
}
