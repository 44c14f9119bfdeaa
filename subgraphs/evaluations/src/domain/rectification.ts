// Rules of a rectification case: who sees it, who acts on it, when it is overdue.
//   AWAITING_PLAN ──plan by the target──▶ PLAN_SUBMITTED ──every affected assembly accepts──▶ VERIFIED
//        ▲                                      │ an assembly sends it back (with a note)
//        └──────────────────────────────────────┘
//   AWAITING_PLAN | PLAN_SUBMITTED ──appeal by the target (once)──▶ APPEALED ──district admin──▶ DISMISSED (upheld)
//                                                                                         └──▶ previous status (rejected)
// The target is who must rectify: a campaign's street, department or staff member, or for a
// bad service rating the provider running the service (the lead department when none does).
// While an appeal waits for the district the deadline stands still; a rejection gives back the
// working days that were left when it was filed.
import type { Caller } from '@shequ/kit';
import type { Campaign, RectificationCase, RectificationStatus } from '../generated/prisma/client.js';
import { isNamedObserver } from './access.js';
import { addWorkingDays, dateToDay, dayToDate, districtDayOf, workingDaysBetween } from './calendar.js';

/** Working days the target has to rectify, whatever opened the case. */
export const rectificationWorkingDays = 15;

const resolved = new Set<RectificationStatus>(['VERIFIED', 'DISMISSED']);

/** Who has to act next on an open case. */
export type RectificationParty = 'RESPONSIBLE' | 'COMMUNITY' | 'DISTRICT';

export const waitingStatus: Record<RectificationParty, RectificationStatus> = {
  RESPONSIBLE: 'AWAITING_PLAN', // the target writes (or rewrites) its plan
  COMMUNITY: 'PLAN_SUBMITTED', // the affected assemblies verify it
  DISTRICT: 'APPEALED', // a district administrator decides the appeal
};

export function waitingOn(c: Pick<RectificationCase, 'status'>): RectificationParty | null {
  const party = (Object.keys(waitingStatus) as RectificationParty[]).find((p) => waitingStatus[p] === c.status);
  return party ?? null;
}

export function isOverdue(c: Pick<RectificationCase, 'status' | 'deadline'>, now = new Date()): boolean {
  return !resolved.has(c.status) && c.status !== 'APPEALED' && districtDayOf(now) > dateToDay(c.deadline);
}

/** Working days before the deadline (0 on the day itself and after it); frozen while appealed; null once resolved. */
export function workingDaysLeft(c: Pick<RectificationCase, 'status' | 'deadline' | 'appealDaysLeft'>, now = new Date()): number | null {
  if (resolved.has(c.status)) return null;
  if (c.status === 'APPEALED') return c.appealDaysLeft ?? 0;
  return workingDaysBetween(districtDayOf(now), dateToDay(c.deadline));
}

/** What an appeal filed today keeps of the deadline: the working days left, or null when it is past. */
export function daysLeftAtAppeal(deadline: Date, now = new Date()): number | null {
  const today = districtDayOf(now);
  return dateToDay(deadline) < today ? null : workingDaysBetween(today, dateToDay(deadline));
}

/** The deadline after an appeal rejected today: as many working days on as were left when it was filed. */
export function resumedDeadline(c: Pick<RectificationCase, 'deadline' | 'appealDaysLeft'>, now = new Date()): Date {
  return c.appealDaysLeft == null ? c.deadline : dayToDate(addWorkingDays(districtDayOf(now), c.appealDaysLeft));
}

/** The target's own people: its street office or department, the staff member themselves, or the provider. */
export function actsForTarget(caller: Caller, c: Pick<RectificationCase, 'targetKind' | 'targetId'>): boolean {
  switch (c.targetKind) {
    case 'DEPARTMENT':
      return caller.role === 'DEPARTMENT_STAFF' && caller.departmentId === c.targetId;
    case 'STREET':
      return caller.role === 'STREET_STAFF' && caller.streetId === c.targetId;
    case 'STAFF':
      return (caller.role === 'DEPARTMENT_STAFF' || caller.role === 'STREET_STAFF') && caller.personId === c.targetId;
    case 'PROVIDER':
      return caller.role === 'PARTNER' && caller.partnerId === c.targetId;
  }
}

type Affected = Pick<RectificationCase, 'affectedCommunityIds' | 'source'>;

const ofAffected = (caller: Caller, c: Affected) => caller.communityId !== null && c.affectedCommunityIds.includes(caller.communityId);

/**
 * Who verifies for an affected community: its representatives; for a service rating also its
 * committee staff, who handle the community's requests and call the resident back.
 */
export const verifiesFor = (caller: Caller, c: Affected) =>
  ofAffected(caller, c) && (caller.role === 'REPRESENTATIVE' || (c.source === 'SERVICE_RATING' && caller.role === 'COMMITTEE_STAFF'));

/** The department overseeing a rated service follows its cases. */
const overseesService = (caller: Caller, c: RectificationCase) =>
  caller.role === 'DEPARTMENT_STAFF' && c.leadDepartmentId !== null && caller.departmentId === c.leadDepartmentId;

/**
 * A campaign's cases are public once it is published; before, for those who act on them or
 * oversee them. A service rating's case is never public: one resident's rating of one request.
 */
export function canSeeCase(caller: Caller, c: RectificationCase, campaign: Pick<Campaign, 'status' | 'observerIds'> | null): boolean {
  if (caller.role === 'DISTRICT_ADMIN' || actsForTarget(caller, c) || verifiesFor(caller, c)) return true;
  if (c.source === 'SERVICE_RATING') return overseesService(caller, c);
  return campaign !== null && (campaign.status === 'PUBLISHED' || isNamedObserver(caller, campaign));
}
