// How big each list of this subgraph is, for the gateway's cost limit (kit: schema/list-sizes.ts).
// The district has 13 streets and about a dozen departments, each with up to ~15 staff; a
// commitment concerns the communities of a street (up to 12). Lists that grow with time (tasks,
// notices, events) are sized for a busy year.
import { slicedBy, connection, type ListSizes } from '@shequ/kit';

export const listSizes: ListSizes = {
  'Query.streets': { assumedSize: 13 },
  'Query.departments': { assumedSize: 12 },
  'Query.delegatedTasks': connection,
  'Query.commitments': slicedBy('limit'),
  'Query.notices': { assumedSize: 50 },
  'Query.relationships': { assumedSize: 50 },
  'Department.staff': { assumedSize: 15 },
  'Street.staff': { assumedSize: 10 },
  'Community.assignedStaff': { assumedSize: 6 },
  'Staff.assignedCommunities': { assumedSize: 12 },
  'Department.delegatedTasks': { assumedSize: 50 },
  'Street.delegatedTasks': { assumedSize: 50 },
  'Staff.delegatedTasks': { assumedSize: 20 },
  'Community.delegatedTasks': { assumedSize: 30 },
  // A delegated task has two parts (the proposer's and the community's) and a short history.
  'DelegatedTask.parts': { assumedSize: 2 },
  'DelegatedTask.history': { assumedSize: 8 },
  'Department.commitments': { assumedSize: 30 },
  'Street.commitments': { assumedSize: 20 },
  'Staff.commitments': { assumedSize: 10 },
  'Community.commitments': { assumedSize: 20 },
  'ServicePoint.commitments': { assumedSize: 5 },
  'Commitment.communities': { assumedSize: 12 },
  'Commitment.awaitingAssessment': { assumedSize: 12 },
  'Commitment.assessments': { assumedSize: 12 },
  'Department.relationships': { assumedSize: 30 },
  'Street.relationships': { assumedSize: 20 },
  'Community.relationships': { assumedSize: 10 },
  'Department.notices': { assumedSize: 20 },
  'Street.notices': { assumedSize: 20 },
  // Read only through evaluations' @requires for an accountability timeline (its `limit`, 100).
  'Department.recordedEvents': { assumedSize: 100 },
  'Street.recordedEvents': { assumedSize: 100 },
  'Staff.recordedEvents': { assumedSize: 100 },
};
