// Demo service requests: a few hundred over the last half-year, most taken by a community's own
// service point and carried through to a rating, some still open, some rejected. Residents are
// the demo residents of `committees` (resident-<community>-0001 … -0030).
import { demoServiceComplaint, seededRandom, type Random } from '@shequ/kit';
import type { Prisma } from '../generated/prisma/client.js';
import type { ServiceRating, ServiceRequestStatus } from '../generated/prisma/enums.js';
import { newId } from '../ids.js';
import { badRatingFor, badRatingKind, isBadRating } from '../outbox/bad-rating.js';
import { waitingForDispatch } from '../request-status.js';
import { demoItems, demoSeries } from './catalogue.js';
import { communityById, communityCentre, days, flat, hours, near, pad } from './places.js';

export const demoRequestCount = 420;
const residentsPerCommunity = 30;

const residentId = (communityId: string, n: number) => `resident-${communityId.replace(/^community-/, '')}-${pad(n, 4)}`;

// Relative weights of where a dispatched request stands today.
const statusWeights: [ServiceRequestStatus, number][] = [
  ['SUBMITTED', 6],
  ['ACCEPTED', 8],
  ['IN_PROGRESS', 8],
  ['COMPLETED', 12],
  ['CLOSED', 56],
  ['REJECTED', 10],
];
const ratingWeights: [ServiceRating, number][] = [
  ['VERY_SATISFIED', 45],
  ['SATISFIED', 30],
  ['BASICALLY_SATISFIED', 15],
  ['DISSATISFIED', 7],
  ['VERY_DISSATISFIED', 3],
];
const path: ServiceRequestStatus[] = ['SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'CLOSED'];
const notes: Partial<Record<ServiceRequestStatus, string>> = {
  ACCEPTED: '已受理，服务人员将电话联系确认上门时间',
  IN_PROGRESS: '服务进行中',
  COMPLETED: '服务已完成，请居民评价',
  CLOSED: '已办结',
};
const rejections = ['重复申请，已合并处理', '不在本服务点服务范围，已告知居民转介渠道', '居民已撤回申请'];
const descriptions = ['希望安排{}，工作日上午方便。', '家里需要{}，请尽快联系。', '申请{}服务，谢谢。', '想预约{}，周末也可以。', '上次{}很好，希望继续安排。'];
const comments: Record<ServiceRating, string[]> = {
  VERY_SATISFIED: ['服务人员很耐心', '准时上门，非常满意'],
  SATISFIED: ['服务不错', '按时完成'],
  BASICALLY_SATISFIED: ['还可以，等待时间稍长'],
  DISSATISFIED: [],
  VERY_DISSATISFIED: [],
};
const commentOn = (random: Random, rating: ServiceRating, service: string) =>
  isBadRating(rating) ? demoServiceComplaint(random, service) : random.pick(comments[rating]);

function weighted<T>(random: Random, options: [T, number][]): T {
  let roll = random.next() * options.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of options) if ((roll -= weight) < 0) return value;
  return options.at(-1)![0];
}

export interface DemoPoint {
  id: string;
  itemId: string;
  providerId: string;
  communityId: string;
  contractStart: Date;
}

export function demoRequests(now: Date, points: DemoPoint[]) {
  const random = seededRandom('services-requests');
  const requests: Prisma.ServiceRequestCreateManyInput[] = [];
  const events: Prisma.ServiceRequestEventCreateManyInput[] = [];
  const unassignedItems = demoItems.filter((i) => i.tier !== 'SOCIALISED');
  for (let n = 1; n <= demoRequestCount; n++) {
    const point = random.chance(0.8) ? random.pick(points) : undefined;
    const item = point ? demoItems.find((i) => i.id === point.itemId)! : random.pick(unassignedItems);
    const community = communityById.get(point?.communityId ?? random.pick([...communityById.keys()]))!;
    const status = point ? weighted(random, statusWeights) : random.chance(0.6) ? 'SUBMITTED' : 'REJECTED';
    const steps = status === 'REJECTED' ? (['SUBMITTED', 'REJECTED'] as ServiceRequestStatus[]) : path.slice(0, path.indexOf(status) + 1);
    // Open requests are recent; finished ones spread over the half-year since the contract began.
    const ageLimit = point ? Math.min(175, Math.floor((now.getTime() - point.contractStart.getTime()) / days(1)) - 10) : 175;
    const age = steps.length <= 3 ? random.int(0, Math.min(6, ageLimit)) : random.int(8, Math.max(8, ageLimit));
    const gaps = steps.map((_, k) => (k === 0 ? 0 : random.int(2, 40)));
    const span = gaps.reduce((a, b) => a + b, 0);
    let at = new Date(now.getTime() - days(age) - hours(span + random.int(1, 10)));
    // Random like a filed request's: the id is public (Open311) and leads to a resident, so a
    // counted one would tell how many requests there were, in which order, and invite guessing.
    const id = newId('sr');
    const filedByStaff = random.chance(0.3);
    const resident = residentId(community.id, random.int(1, residentsPerCommunity));
    const times = steps.map((s, k) => {
      at = new Date(at.getTime() + hours(gaps[k]!));
      const note =
        s === 'REJECTED' ? random.pick(rejections) : s === 'SUBMITTED' ? (point ? `assigned to SP-DEMO-${point.id.slice(-3)}` : null) : (notes[s] ?? null);
      events.push({
        id: `${id}-e${k + 1}`,
        requestId: id,
        status: s,
        note,
        actorRole: k === 0 ? (filedByStaff ? 'COMMITTEE_STAFF' : 'RESIDENT') : s === 'CLOSED' ? 'RESIDENT' : point ? 'PARTNER' : 'COMMITTEE_STAFF',
        at,
      });
      return at;
    });
    const last = times.at(-1)!;
    const rating = status === 'CLOSED' && random.chance(0.85) ? weighted(random, ratingWeights) : null;
    if (rating) events.at(-1)!.note = `rated ${rating}`;
    requests.push({
      id,
      itemId: item.id,
      residentId: resident,
      communityId: community.id,
      filedBy: filedByStaff ? `staff-${community.id}-01` : resident,
      filedByRole: filedByStaff ? 'COMMITTEE_STAFF' : 'RESIDENT',
      description: random.pick(descriptions).replace('{}', item.name),
      address: flat(community, random),
      ...(random.chance(0.85) ? near(communityCentre(community.id), random, 0.006) : {}),
      status,
      statusNotes: status === 'REJECTED' ? events.at(-1)!.note! : status === 'SUBMITTED' && !point ? waitingForDispatch : (notes[status] ?? '已派单'),
      servicePointId: point?.id ?? null,
      providerId: point?.providerId ?? null,
      requestedAt: times[0]!,
      updatedAt: last,
      expectedAt: status === 'ACCEPTED' || status === 'IN_PROGRESS' ? new Date(times[1]!.getTime() + days(random.int(1, 5))) : null,
      completedAt: times[3] ?? null,
      closedAt: status === 'CLOSED' || status === 'REJECTED' ? last : null,
      rating,
      // Most bad ratings say why: their comments go to the rectification case.
      ratingComment: rating && random.chance(isBadRating(rating) ? 0.85 : 0.5) ? commentOn(random, rating, item.name) : null,
      ratedAt: rating ? last : null,
    });
  }
  return { requests, events, outbox: badRatingEvents(now, requests) };
}

/**
 * Rectification cases of bad ratings opened through the outbox from about six weeks ago (older
 * ones were followed up before the hub): their events, waiting to be delivered on the first start.
 */
export const badRatingsSentSinceDays = 45;

function badRatingEvents(now: Date, requests: Prisma.ServiceRequestCreateManyInput[]): Prisma.OutboxEventCreateManyInput[] {
  const since = now.getTime() - days(badRatingsSentSinceDays);
  return requests.flatMap((r) => {
    const ratedAt = r.ratedAt as Date | null;
    if (!ratedAt || ratedAt.getTime() < since || !isBadRating(r.rating ?? null)) return [];
    const item = demoItems.find((i) => i.id === r.itemId)!;
    const series = demoSeries.find((s) => s.id === item.seriesId)!;
    const event = badRatingFor(
      {
        id: r.id!,
        communityId: r.communityId,
        itemId: r.itemId,
        servicePointId: r.servicePointId ?? null,
        providerId: r.providerId ?? null,
        rating: r.rating!,
        ratingComment: r.ratingComment ?? null,
        ratedAt,
      },
      item,
      series,
    );
    return [{ id: event.eventId, kind: badRatingKind, payload: { ...event }, createdAt: ratedAt }];
  });
}
