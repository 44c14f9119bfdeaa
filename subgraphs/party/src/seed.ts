import { demoCommunities, seededRandom, type DemoCommunity, type Logger } from '@shequ/kit';
import type { DB } from './db.js';
import { Prisma } from './generated/prisma/client.js';
import { bulkInsert } from './demo/bulk-insert.js';
import { demoOrganization } from './demo/organizations.js';
import { demoUnits } from './demo/units.js';
import { demoVolunteers } from './demo/volunteers.js';

function demoData(communities: readonly DemoCommunity[]) {
  const rows = {
    organizations: [] as ReturnType<typeof demoOrganization>['organization'][],
    members: [] as ReturnType<typeof demoOrganization>['members'],
    units: [] as ReturnType<typeof demoUnits>['units'],
    agreements: [] as ReturnType<typeof demoUnits>['agreements'],
    contributions: [] as ReturnType<typeof demoUnits>['contributions'],
    teams: [] as ReturnType<typeof demoVolunteers>['teams'],
    leaders: [] as ReturnType<typeof demoVolunteers>['leaders'],
    volunteers: [] as ReturnType<typeof demoVolunteers>['volunteers'],
    activities: [] as ReturnType<typeof demoVolunteers>['activities'],
    participants: [] as ReturnType<typeof demoVolunteers>['participants'],
    hours: [] as ReturnType<typeof demoVolunteers>['hours'],
  };
  for (const community of communities) {
    // One stream per community: its data does not change when another community's does.
    const random = seededRandom(`party:${community.id}`);
    const { organization, members } = demoOrganization(community, random);
    const units = demoUnits(community, random);
    const volunteers = demoVolunteers(community, members, random);
    rows.organizations.push(organization);
    rows.members.push(...members);
    for (const key of ['units', 'agreements', 'contributions'] as const) (rows[key] as unknown[]).push(...units[key]);
    for (const key of ['teams', 'leaders', 'volunteers', 'activities', 'participants', 'hours'] as const) (rows[key] as unknown[]).push(...volunteers[key]);
  }
  return rows;
}

/**
 * Demo data: 112 party organisations with their members, jurisdiction units with agreements and
 * contributions, and over 10,000 volunteers in teams with activities and logged hours.
 * Idempotent: when the last row of the last batch exists everything is there and nothing is
 * written; after an interrupted first start the missing rows are added.
 */
export async function seed(prisma: DB, log: Logger): Promise<void> {
  await seedCommunities(prisma, log, demoCommunities);
}

/** The demo data of some communities only (tests leave one out to register it). */
export async function seedCommunities(prisma: DB, log: Logger, communities: readonly DemoCommunity[]): Promise<void> {
  const started = Date.now();
  const rows = demoData(communities);
  if (await prisma.volunteerHours.findUnique({ where: { id: rows.hours.at(-1)!.id }, select: { id: true } })) return;
  // Teams and their volunteers point at each other: leaders are set once both exist, in one statement.
  const setLeaders = () => {
    const pairs = Prisma.join(rows.leaders.map((l) => Prisma.sql`(${l.id}, ${l.leaderId})`));
    return prisma.$executeRaw`
      UPDATE "VolunteerTeam" AS t SET "leaderId" = l.leader
      FROM (VALUES ${pairs}) AS l(id, leader) WHERE t.id = l.id AND t."leaderId" IS NULL`;
  };
  const counts = {
    organizations: await bulkInsert(prisma, 'PartyOrganization', rows.organizations),
    members: await bulkInsert(prisma, 'PartyMember', rows.members),
    units: await bulkInsert(prisma, 'CoConstructionUnit', rows.units),
    agreements: await bulkInsert(prisma, 'CoConstructionAgreement', rows.agreements),
    contributions: await bulkInsert(prisma, 'Contribution', rows.contributions),
    teams: await bulkInsert(prisma, 'VolunteerTeam', rows.teams),
    volunteers: await bulkInsert(prisma, 'Volunteer', rows.volunteers),
    leaders: await setLeaders(),
    activities: await bulkInsert(prisma, 'Activity', rows.activities),
    participants: await bulkInsert(prisma, 'ActivityParticipant', rows.participants),
    hours: await bulkInsert(prisma, 'VolunteerHours', rows.hours),
  };
  log.info({ ...counts, ms: Date.now() - started }, 'demo data seeded');
}
