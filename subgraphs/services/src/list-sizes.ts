// How big each list of this subgraph is, for the gateway's cost limit (kit: schema/list-sizes.ts).
// The catalogue holds ~80 items in a dozen series; a community has up to ~10 service points, a
// street ~40, the district a few hundred; a provider runs up to ~30.
import { connection, slicedBy, type ListSizes } from '@shequ/kit';

export const listSizes: ListSizes = {
  'Query.serviceRequests': connection,
  'Query.tenders': connection,
  'Community.serviceRequests': slicedBy('first'),
  'Open311.requests': slicedBy('limit'),
  'Open311.services': { assumedSize: 80 },
  'Query.serviceSeries': { assumedSize: 12 },
  'Department.serviceSeries': { assumedSize: 5 },
  'ServiceSeries.items': { assumedSize: 15 },
  'Query.serviceItems': { assumedSize: 80 },
  'Department.serviceItems': { assumedSize: 20 },
  'Query.servicePoints': { assumedSize: 400 },
  'Street.servicePoints': { assumedSize: 40 },
  'Community.servicePoints': { assumedSize: 10 },
  'ServiceItem.servicePoints': { assumedSize: 112 },
  'ServiceProvider.servicePoints': { assumedSize: 30 },
  'Query.serviceProviders': { assumedSize: 40 },
  'ServicePoint.notices': { assumedSize: 5 },
  'ServiceRequest.events': { assumedSize: 8 },
  'Query.myServiceRequests': { assumedSize: 20 },
  'Query.myTenderBids': { assumedSize: 20 },
  'Tender.bids': { assumedSize: 8 },
};
