// Calendar days of the district (Asia/Shanghai, UTC+8 all year, no daylight saving): a due date
// or a donation's day is the district's day, which differs from the UTC day from 16:00 UTC on.

const DISTRICT_OFFSET_MS = 8 * 3600_000;

/** The district's calendar day of an instant, as YYYY-MM-DD. */
export function districtDayOf(at: Date): string {
  return new Date(at.getTime() + DISTRICT_OFFSET_MS).toISOString().slice(0, 10);
}

/** A day as Prisma stores `@db.Date` columns: midnight UTC of that calendar day. */
export const dateOfDay = (day: string): Date => new Date(`${day}T00:00:00Z`);

/** Today in the district, as a `@db.Date` value. */
export const districtToday = (now = new Date()): Date => dateOfDay(districtDayOf(now));
