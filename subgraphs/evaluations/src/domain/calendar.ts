// Dates of the district (Asia/Shanghai) and rectification deadlines in working days: the kit's
// calendar of official holidays and 补班 weekends, with SHEQU_HOLIDAYS_FILE on top.
import { districtCalendar, districtDayOf } from '@shequ/kit';

export { districtDayOf };

/** The day `count` working days after `day` (YYYY-MM-DD); `day` itself does not count. */
export const addWorkingDays = (day: string, count: number): string => districtCalendar().addWorkingDays(day, count);

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export const workingDaysBetween = (from: string, to: string): number => districtCalendar().workingDaysBetween(from, to);

/** Days as Prisma stores `@db.Date` columns: midnight UTC. */
export const dayToDate = (day: string) => new Date(`${day}T00:00:00Z`);
export const dateToDay = (date: Date) => date.toISOString().slice(0, 10);

/** The half-year containing `at` in the district: [first day, last day, label]. */
export function halfYearOf(at: Date): { start: string; end: string; year: number; half: 1 | 2 } {
  const today = districtDayOf(at);
  const year = Number(today.slice(0, 4));
  const half = Number(today.slice(5, 7)) <= 6 ? 1 : 2;
  return half === 1 ? { start: `${year}-01-01`, end: `${year}-06-30`, year, half } : { start: `${year}-07-01`, end: `${year}-12-31`, year, half };
}
