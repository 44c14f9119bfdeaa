import { builder } from '../builder.js';
import {
  ActivityKind as ActivityKinds,
  Gender as Genders,
  PartyOffice as Offices,
  PartyOrganizationKind as OrganizationKinds,
  ResourceKind as ResourceKinds,
  UnitKind as UnitKinds,
  VolunteerSkill as Skills,
} from '../generated/prisma/enums.js';

export const PartyOrganizationKind = builder.enumType(OrganizationKinds, {
  name: 'PartyOrganizationKind',
  description: 'Branch (党支部) or general branch (党总支, for 50 members or more)',
});

export const PartyOffice = builder.enumType(Offices, {
  name: 'PartyOffice',
  description:
    "An office on the organisation's committee: secretary (书记), deputy (副书记), organisation (组织委员), publicity (宣传委员), discipline (纪检委员)",
});

export const Gender = builder.enumType(Genders, { name: 'Gender' });

export const UnitKind = builder.enumType(UnitKinds, { name: 'UnitKind', description: 'What kind of jurisdiction unit (辖区单位) it is' });

export const ResourceKind = builder.enumType(ResourceKinds, {
  name: 'ResourceKind',
  description: 'What a unit shares with its community: rooms, equipment, money, staff time, goods or services',
});

export const VolunteerSkill = builder.enumType(Skills, { name: 'VolunteerSkill' });

export const ActivityKind = builder.enumType(ActivityKinds, {
  name: 'ActivityKind',
  description: 'A party-building event (主题党日, 党课) or a volunteer service event',
});
