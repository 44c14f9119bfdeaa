import type { VulnerableGroup } from '../generated/prisma/enums.js';

/** Age from which a resident counts as elderly (老年人权益保障法: 60). */
export const elderlyAge = 60;

/** Birth dates on or before this day belong to elderly residents. */
export function elderlyBornBy(today = new Date()): Date {
  return new Date(Date.UTC(today.getUTCFullYear() - elderlyAge, today.getUTCMonth(), today.getUTCDate()));
}

/**
 * ELDERLY follows from the birth date and is never stored (it would go stale); the other groups
 * are recorded by the committee staff.
 */
export function vulnerableGroupsOf(r: { birthDate: Date; vulnerableGroups: VulnerableGroup[] }, today = new Date()): VulnerableGroup[] {
  const stored = r.vulnerableGroups.filter((g) => g !== 'ELDERLY');
  return r.birthDate.getTime() <= elderlyBornBy(today).getTime() ? ['ELDERLY', ...stored] : stored;
}
