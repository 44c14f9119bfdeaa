// A resident rating a service DISSATISFIED or VERY_DISSATISFIED (差评) sets off a rectification
// case, which `evaluations` keeps. The rating and its event are one transaction here; the outbox
// delivers the event until evaluations acknowledges, and evaluations opens one case per event id.
// The comment leaves this subgraph anonymised: evaluations shows it to the provider and others.
import { anonymise, type ServiceClient } from '@shequ/kit';
import type { ServiceRating } from '../generated/prisma/enums.js';

export const badRatingKind = 'bad-rating';

export const badRatings: readonly ServiceRating[] = ['DISSATISFIED', 'VERY_DISSATISFIED'];
export const isBadRating = (rating: ServiceRating | null): boolean => rating !== null && badRatings.includes(rating);

/** The payload of a bad-rating event: the input of evaluations' recordBadServiceRating. */
export interface BadRating {
  eventId: string;
  requestId: string;
  communityId: string;
  serviceItemId: string;
  servicePointId: string | null;
  providerId: string | null;
  leadDepartmentId: string | null;
  rating: ServiceRating;
  comment: string | null;
  ratedAt: string;
}

/** One event per request: a request is rated once. */
export const badRatingEventId = (requestId: string) => `bad-rating-${requestId}`;

interface Rated {
  id: string;
  communityId: string;
  itemId: string;
  servicePointId: string | null;
  providerId: string | null;
  rating: ServiceRating;
  ratingComment: string | null;
  ratedAt: Date;
}

/** The lead department is the item's own, else its series'. */
export function badRatingFor(request: Rated, item: { departmentId: string | null }, series: { departmentId: string | null }): BadRating {
  return {
    eventId: badRatingEventId(request.id),
    requestId: request.id,
    communityId: request.communityId,
    serviceItemId: request.itemId,
    servicePointId: request.servicePointId,
    providerId: request.providerId,
    leadDepartmentId: item.departmentId ?? series.departmentId,
    rating: request.rating,
    comment: request.ratingComment ? anonymise(request.ratingComment) : null,
    ratedAt: request.ratedAt.toISOString(),
  };
}

// Scalar variables rather than the input type's name, so the contract is the field and its arguments.
const recordBadServiceRating = `mutation ServicesBadRating($eventId: ID!, $requestId: ID!, $communityId: ID!, $serviceItemId: ID!, $servicePointId: ID, $providerId: ID, $leadDepartmentId: ID, $rating: ServiceRating!, $comment: String, $ratedAt: DateTime!) {
  recordBadServiceRating(input: { eventId: $eventId, requestId: $requestId, communityId: $communityId, serviceItemId: $serviceItemId, servicePointId: $servicePointId, providerId: $providerId, leadDepartmentId: $leadDepartmentId, rating: $rating, comment: $comment, ratedAt: $ratedAt }) { id }
}`;

/** Resolves once evaluations has opened (or had already opened) the case. */
export async function deliverBadRating(services: ServiceClient, event: BadRating): Promise<void> {
  await services.request(recordBadServiceRating, { ...event });
}
