// How big each list of this subgraph is, for the gateway's cost limit (kit: schema/list-sizes.ts):
// a handful of partner subgraphs, each with its published versions (`last`, 50 by default).
import { slicedBy, type ListSizes } from '@shequ/kit';

export const listSizes: ListSizes = {
  'Query.registeredSubgraphs': { assumedSize: 10 },
  'RegisteredSubgraph.versions': slicedBy('last'),
  'SubgraphVersion.changes': { assumedSize: 50 },
  'SchemaCheck.changes': { assumedSize: 50 },
  'SchemaCheck.errors': { assumedSize: 20 },
  'SchemaCheck.warnings': { assumedSize: 20 },
};
