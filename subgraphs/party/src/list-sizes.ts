// How big each list of this subgraph is, for the gateway's cost limit (kit: schema/list-sizes.ts).
// A community's party branch has a committee of 3–7 and up to ~60 members; a few volunteer teams
// and co-construction units; activities sized for a year.
import { connection, type ListSizes } from '@shequ/kit';

export const listSizes: ListSizes = {
  'Query.volunteers': connection,
  'Query.districtPartyOrganizations': connection,
  'Query.districtCoConstructionUnits': connection,
  'Query.districtVolunteerTeams': connection,
  'Query.districtActivities': connection,
  'PartyOrganization.committee': { assumedSize: 7 },
  'PartyOrganization.members': { assumedSize: 60 },
  'Query.volunteerTeams': { assumedSize: 6 },
  'Community.volunteerTeams': { assumedSize: 6 },
  'VolunteerTeam.members': { assumedSize: 20 },
  'Query.coConstructionUnits': { assumedSize: 10 },
  'Community.coConstructionUnits': { assumedSize: 10 },
  'CoConstructionUnit.agreements': { assumedSize: 3 },
  'CoConstructionUnit.contributions': { assumedSize: 20 },
  'Query.activities': { assumedSize: 30 },
  'Community.partyActivities': { assumedSize: 30 },
  'Activity.participants': { assumedSize: 30 },
};
