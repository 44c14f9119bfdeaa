// How big each list of this subgraph is, for the gateway's cost limit (kit: schema/list-sizes.ts).
// Sizes are what a large real case holds, not the demo's average: 13 streets of up to 12
// communities; a community elects 5–9 residents' committee members and ~40 representatives.
import { connection, type ListSizes } from '@shequ/kit';

export const listSizes: ListSizes = {
  'Query.communities': connection,
  'Query.residents': connection,
  'Query.ledgerEntries': connection,
  'Street.communities': { assumedSize: 12 },
  'Query.representatives': { assumedSize: 40 },
  'Community.representatives': { assumedSize: 40 },
  'Query.committeeMembers': { assumedSize: 9 },
  'Community.committeeMembers': { assumedSize: 9 },
  'Community.consultationMembers': { assumedSize: 25 },
  // One round per three-year term, a few kept: the current one and its predecessors.
  'Query.electionRounds': { assumedSize: 4 },
  'Community.electionRounds': { assumedSize: 4 },
  'ElectionRound.candidates': { assumedSize: 15 },
  // One change per ElectionStage (7).
  'ElectionRound.stageHistory': { assumedSize: 7 },
  'Mutation.recordPreElection': { assumedSize: 15 },
  // About two a month, the last year of them.
  'Community.consultationMeetings': { assumedSize: 24 },
  'ConsultationMeeting.agenda': { assumedSize: 8 },
  // One per LedgerCategory (7).
  'Community.fundTotals': { assumedSize: 7 },
};
