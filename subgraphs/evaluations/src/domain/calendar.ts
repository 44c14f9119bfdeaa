// Dates of the district (Asia/Shanghai, UTC+8 all year) and the rectification deadline in
// working days (Monday to Friday; public holidays are not modelled).

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** The district's calendar day of an instant, as YYYY-MM-DD. */
export function districtDay(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The day `count` working days after `day` (YYYY-MM-DD); `day` itself does not count. */
export function addWorkingDays(day: string, count: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  let left = count;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return date.toISOString().slice(0, 10);
}

/** Days as Prisma stores `@db.Date` columns: midnight UTC. */
export const dayToDate = (day: string) => new Date(`${day}T00:00:00Z`);
export const dateToDay = (date: Date) => date.toISOString().slice(0, 10);

/** The half-year containing `at` in the district: [first day, last day, label]. */
export function halfYearOf(at: Date): { start: string; end: string; year: number; half: 1 | 2 } {
  const today = districtDay(at);
  const year = Number(today.slice(0, 4));
  const half = Number(today.slice(5, 7)) <= 6 ? 1 : 2;
  return half === 1 ? { start: `${year}-01-01`, end: `${year}-06-30`, year, half } : { start: `${year}-07-01`, end: `${year}-12-31`, year, half };
}
