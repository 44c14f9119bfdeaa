// A bad rating of a service request (好差评: DISSATISFIED or VERY_DISSATISFIED), announced by
// `services` through its outbox, opens a rectification case like a campaign's bad reviews do:
// the provider running the service must rectify (the lead department when no provider served
// it), the community of the request verifies, the deadline is 15 working days after the rating
// day in the district. Deliveries repeat; the event id (and the request: one case per request)
// make the case open once. A new event is checked against services' own record of the request
// (`confirm`), and the case is opened from that record, so a forged or stale event opens nothing.
import { randomUUID } from 'node:crypto';
import { anonymisedList, badInput, isUniqueViolation } from '@shequ/kit';
import type { DB } from '../db.js';
import type { RectificationCase } from '../generated/prisma/client.js';
import { addWorkingDays, dayToDate, districtDayOf } from './calendar.js';
import type { RatingFact } from './facts.js';
import { rectificationWorkingDays } from './rectification.js';

export const badRatings = ['DISSATISFIED', 'VERY_DISSATISFIED'] as const;

export interface BadServiceRating {
  eventId: string;
  requestId: string;
  communityId: string;
  serviceItemId: string;
  servicePointId?: string | null;
  providerId?: string | null;
  leadDepartmentId?: string | null;
  rating: string;
  comment?: string | null;
  ratedAt: Date;
}

const id = (value: string | null | undefined, field: string, required = false): string | null => {
  const trimmed = value?.trim() ?? '';
  if (!trimmed) {
    if (required) throw badInput(`${field} is required`, { field });
    return null;
  }
  if (trimmed.length > 200) throw badInput(`${field} has at most 200 characters`, { field });
  return trimmed;
};

/** The case the rating opened: new, or the one an earlier delivery (or the same request) opened. */
export async function openServiceRatingCase(
  prisma: DB,
  input: BadServiceRating,
  confirm: (requestId: string) => Promise<RatingFact | null>,
  now = new Date(),
): Promise<{ case: RectificationCase; opened: boolean }> {
  const eventId = id(input.eventId, 'eventId', true)!;
  const requestId = id(input.requestId, 'requestId', true)!;
  const earlier = () => prisma.rectificationCase.findFirst({ where: { OR: [{ eventId }, { serviceRequestId: requestId }] } });
  const existing = await earlier();
  if (existing) return { case: existing, opened: false };
  if (!(badRatings as readonly string[]).includes(input.rating))
    throw badInput('Only a DISSATISFIED or VERY_DISSATISFIED rating opens a case', { field: 'rating' });
  if (Number.isNaN(input.ratedAt.getTime()) || input.ratedAt.getTime() > now.getTime() + 5 * 60_000)
    throw badInput('ratedAt is not in the future', { field: 'ratedAt' });
  const providerId = id(input.providerId, 'providerId');
  const leadDepartmentId = id(input.leadDepartmentId, 'leadDepartmentId');
  const communityId = id(input.communityId, 'communityId', true)!;
  const serviceItemId = id(input.serviceItemId, 'serviceItemId', true)!;
  const servicePointId = id(input.servicePointId, 'servicePointId');
  const responsible = providerId
    ? { targetKind: 'PROVIDER' as const, targetId: providerId }
    : leadDepartmentId
      ? { targetKind: 'DEPARTMENT' as const, targetId: leadDepartmentId }
      : null;
  if (!responsible) throw badInput('A rated service names its provider or its lead department: someone must rectify', { field: 'providerId' });
  const fact = await confirm(requestId);
  const matches =
    fact !== null &&
    fact.rating === input.rating &&
    fact.communityId === communityId &&
    fact.serviceItemId === serviceItemId &&
    fact.servicePointId === servicePointId &&
    fact.providerId === providerId &&
    fact.leadDepartmentId === leadDepartmentId &&
    Date.parse(fact.ratedAt) === input.ratedAt.getTime();
  if (!matches) throw badInput(`The rating does not match services' record of request ${requestId}`, { field: 'requestId' });
  const comment = input.comment?.trim().slice(0, 500);
  const openedOn = districtDayOf(input.ratedAt);
  try {
    const created = await prisma.rectificationCase.create({
      data: {
        id: `rect-${randomUUID()}`,
        source: 'SERVICE_RATING',
        ...responsible,
        badReviews: 1,
        comments: anonymisedList([comment || null]),
        affectedCommunityIds: [communityId],
        openedOn: dayToDate(openedOn),
        deadline: dayToDate(addWorkingDays(openedOn, rectificationWorkingDays)),
        eventId,
        serviceRequestId: requestId,
        serviceItemId,
        servicePointId,
        providerId,
        leadDepartmentId,
        rating: input.rating,
        ratedAt: input.ratedAt,
      },
    });
    return { case: created, opened: true };
  } catch (err) {
    // A concurrent delivery of the same event won the unique eventId (or request id).
    if (!isUniqueViolation(err)) throw err;
    return { case: (await earlier())!, opened: false };
  }
}
