// Demo party organisations: one per community, 28-85 members each, a general branch (党总支)
// from 50 members. Names and phone numbers are synthetic: phones use the unallocated 100 prefix.
import { syntheticName, type DemoCommunity, type Random } from '@shequ/kit';
import type { PartyMember, PartyOffice, PartyOrganization } from '../generated/prisma/client.js';
import { demoMemberId, demoOrganizationId } from './ids.js';

type Row<T> = Omit<T, 'createdAt'>;

export const generalBranchFrom = 50;
const branchOffices: PartyOffice[] = ['SECRETARY', 'ORGANIZATION_COMMITTEE_MEMBER', 'PUBLICITY_COMMITTEE_MEMBER'];
const generalBranchOffices: PartyOffice[] = [...branchOffices, 'DEPUTY_SECRETARY', 'DISCIPLINE_COMMITTEE_MEMBER'];

export const syntheticPhone = (random: Random) => `100${String(random.int(0, 99_999_999)).padStart(8, '0')}`;

const day = (year: number, random: Random) => new Date(Date.UTC(year, random.int(0, 11), random.int(1, 28)));

export function demoOrganization(community: DemoCommunity, random: Random) {
  const memberCount = random.int(28, 85);
  const kind = memberCount >= generalBranchFrom ? 'GENERAL_BRANCH' : 'BRANCH';
  const organization: Row<PartyOrganization> = {
    id: demoOrganizationId(community.id),
    communityId: community.id,
    streetId: community.streetId,
    name: `${community.name}${kind === 'GENERAL_BRANCH' ? '党总支' : '党支部'}`,
    kind,
    foundedOn: day(random.int(2001, 2004), random),
  };
  const offices = kind === 'GENERAL_BRANCH' ? generalBranchOffices : branchOffices;
  const members: Row<PartyMember>[] = [];
  for (let n = 1; n <= memberCount; n++) {
    const birthYear = random.int(1942, 1998);
    const gender = random.chance(0.55) ? 'FEMALE' : 'MALE';
    members.push({
      id: demoMemberId(community.id, n),
      organizationId: organization.id,
      name: syntheticName(random, gender).name,
      gender,
      birthYear,
      phone: syntheticPhone(random),
      joinedOn: day(random.int(birthYear + 20, Math.min(birthYear + 50, 2024)), random),
      office: offices[n - 1] ?? null,
    });
  }
  return { organization, members };
}
