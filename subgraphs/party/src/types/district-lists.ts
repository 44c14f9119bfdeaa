// District-wide entry points for dashboards: every community's party organisation, jurisdiction
// units, volunteer teams and activities, a page at a time. They show what the per-community
// queries show (all public; personal data stays behind its fields' own checks, see access.ts).
// A page is one statement, and its nested fields come from the same dataloaders as the
// per-community lists, so the statements per page do not grow with its size.
import { builder } from '../builder.js';
import { ActivityKind } from './enums.js';

const page = { cursor: 'id', defaultSize: 50, maxSize: 200 } as const;

builder.queryFields((t) => ({
  districtPartyOrganizations: t.prismaConnection({
    type: 'PartyOrganization',
    ...page,
    description: 'The party organisations of every community (社区党(总)支部), by community',
    resolve: (query, _root, _args, ctx) => ctx.prisma.partyOrganization.findMany({ ...query, orderBy: [{ communityId: 'asc' }, { id: 'asc' }] }),
  }),
  districtCoConstructionUnits: t.prismaConnection({
    type: 'CoConstructionUnit',
    ...page,
    description: 'The jurisdiction units (辖区单位) co-building with every community, by community',
    resolve: (query, _root, _args, ctx) => ctx.prisma.coConstructionUnit.findMany({ ...query, orderBy: [{ communityId: 'asc' }, { id: 'asc' }] }),
  }),
  districtVolunteerTeams: t.prismaConnection({
    type: 'VolunteerTeam',
    ...page,
    description: 'The volunteer teams (志愿者队伍) of every community, by community',
    resolve: (query, _root, _args, ctx) => ctx.prisma.volunteerTeam.findMany({ ...query, orderBy: [{ communityId: 'asc' }, { id: 'asc' }] }),
  }),
  districtActivities: t.prismaConnection({
    type: 'Activity',
    ...page,
    description: 'Party-building and volunteer events of every community, latest first',
    args: { kind: t.arg({ type: ActivityKind }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.activity.findMany({ ...query, where: args.kind ? { kind: args.kind } : {}, orderBy: [{ startsAt: 'desc' }, { id: 'desc' }] }),
  }),
}));
