// How big each list of this subgraph is, for the gateway's cost limit (kit: schema/list-sizes.ts).
// A campaign scores the district's ~12 departments, 13 streets and their staff (~80 targets) on
// a handful of criteria, across up to all 112 communities; a few campaigns a year.
import { slicedBy, type ListSizes } from '@shequ/kit';

export const listSizes: ListSizes = {
  'Query.campaigns': { assumedSize: 10 },
  'Campaign.criteria': { assumedSize: 6 },
  'Campaign.targets': { assumedSize: 80 },
  'Campaign.results': { assumedSize: 80 },
  'Campaign.scopeCommunities': { assumedSize: 112 },
  'Campaign.rectificationCases': { assumedSize: 50 },
  'EvaluationResult.criteria': { assumedSize: 6 },
  'Query.appraisal': { assumedSize: 80 },
  'Mutation.castBallotSheet': { assumedSize: 80 },
  // Every open and recent case of the district: the past campaign's and the bad service ratings'.
  'Query.rectificationCases': { assumedSize: 200 },
  'Department.rectificationCases': { assumedSize: 20 },
  'Street.rectificationCases': { assumedSize: 20 },
  'Staff.rectificationCases': { assumedSize: 10 },
  'RectificationCase.affectedCommunities': { assumedSize: 5 },
  'RectificationCase.pendingCommunities': { assumedSize: 5 },
  'RectificationCase.verifications': { assumedSize: 5 },
  'Department.evaluations': { assumedSize: 10 },
  'Street.evaluations': { assumedSize: 10 },
  'Staff.evaluations': { assumedSize: 10 },
  'Department.accountabilityTimeline': slicedBy('limit'),
  'Street.accountabilityTimeline': slicedBy('limit'),
  'Staff.accountabilityTimeline': slicedBy('limit'),
};
