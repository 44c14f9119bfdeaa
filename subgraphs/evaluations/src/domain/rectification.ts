// Rules of a rectification case: who sees it, who acts on it, when it is overdue.
//   AWAITING_PLAN ──plan by the target──▶ PLAN_SUBMITTED ──every affected assembly accepts──▶ VERIFIED
//        ▲                                      │ an assembly sends it back (with a note)
//        └──────────────────────────────────────┘
//   AWAITING_PLAN | PLAN_SUBMITTED ──appeal by the target (once)──▶ APPEALED ──district admin──▶ DISMISSED (upheld)
//                                                                                         └──▶ previous status (rejected)
import type { Caller } from '@shequ/kit';
import type { Campaign, RectificationCase } from '../generated/prisma/client.js';
import { isNamedObserver } from './access.js';
import { dateToDay, districtDay } from './calendar.js';

const resolved = new Set(['VERIFIED', 'DISMISSED']);

export function isOverdue(c: Pick<RectificationCase, 'status' | 'deadline'>, now = new Date()): boolean {
  return !resolved.has(c.status) && districtDay(now) > dateToDay(c.deadline);
}

/** The target's own people: its street office or department, or the staff member themselves. */
export function actsForTarget(caller: Caller, c: Pick<RectificationCase, 'targetKind' | 'targetId'>): boolean {
  switch (c.targetKind) {
    case 'DEPARTMENT':
      return caller.role === 'DEPARTMENT_STAFF' && caller.departmentId === c.targetId;
    case 'STREET':
      return caller.role === 'STREET_STAFF' && caller.streetId === c.targetId;
    case 'STAFF':
      return (caller.role === 'DEPARTMENT_STAFF' || caller.role === 'STREET_STAFF') && caller.personId === c.targetId;
  }
}

/** A representative of one of the communities whose bad reviews opened the case. */
export const representsAffected = (caller: Caller, c: Pick<RectificationCase, 'affectedCommunityIds'>) =>
  caller.role === 'REPRESENTATIVE' && caller.communityId !== null && c.affectedCommunityIds.includes(caller.communityId);

/** Public once the campaign is published; before, for those who act on it or oversee it. */
export function canSeeCase(caller: Caller, c: RectificationCase, campaign: Pick<Campaign, 'status' | 'observerIds'>): boolean {
  return (
    campaign.status === 'PUBLISHED' ||
    caller.role === 'DISTRICT_ADMIN' ||
    isNamedObserver(caller, campaign) ||
    actsForTarget(caller, c) ||
    representsAffected(caller, c)
  );
}
