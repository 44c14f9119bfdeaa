import { demoCommunities, demoReferenceDay, lazy, seedDemoTables, seededRandom, type DemoCommunity, type Logger, type RawSqlClient } from '@shequ/kit';
import type { DB } from './db.js';
import { demoOrganization } from './demo/organizations.js';
import { demoUnits } from './demo/units.js';
import { demoVolunteers } from './demo/volunteers.js';

function demoData(communities: readonly DemoCommunity[], reference: Date) {
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
    const units = demoUnits(community, reference);
    const volunteers = demoVolunteers(community, members, random, reference);
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
 * Idempotent: once seeded a restart builds and sends nothing.
 */
export async function seed(prisma: DB, log: Logger): Promise<void> {
  await seedCommunities(prisma, log, demoCommunities);
}

/** The demo data of some communities only (a test leaves one out to register it). */
export async function seedCommunities(prisma: DB, log: Logger, communities: readonly DemoCommunity[]): Promise<void> {
  const started = Date.now();
  const rows = lazy(() => demoData(communities, demoReferenceDay()));
  // Teams and their volunteers point at each other: leaders are set once both exist, in one statement.
  const setLeaders = (tx: RawSqlClient) => {
    const pairs = rows().leaders.map((l) => ({ id: l.id, leader: l.leaderId }));
    return tx.$executeRawUnsafe(
      `UPDATE "VolunteerTeam" AS t SET "leaderId" = l.leader
       FROM json_to_recordset($1::json) AS l(id text, leader text) WHERE t.id = l.id AND t."leaderId" IS NULL`,
      JSON.stringify(pairs),
    );
  };
  const seeded = await seedDemoTables(prisma, [
    { table: 'PartyOrganization', rows: () => rows().organizations },
    { table: 'PartyMember', rows: () => rows().members },
    { table: 'CoConstructionUnit', rows: () => rows().units },
    { table: 'CoConstructionAgreement', rows: () => rows().agreements },
    { table: 'Contribution', rows: () => rows().contributions },
    { table: 'VolunteerTeam', rows: () => rows().teams },
    { table: 'Volunteer', rows: () => rows().volunteers, afterInsert: setLeaders },
    { table: 'Activity', rows: () => rows().activities },
    { table: 'ActivityParticipant', rows: () => rows().participants },
    { table: 'VolunteerHours', rows: () => rows().hours },
  ]);
  if (seeded) log.info({ ...seeded, ms: Date.now() - started }, 'demo data seeded');
}
