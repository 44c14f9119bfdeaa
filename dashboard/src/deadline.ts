// Deadlines are calendar days in the district (Asia/Shanghai, UTC+8 all year), as the API keeps them.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Today in the district as YYYY-MM-DD, whatever the browser's time zone. */
export function districtToday(now: Date = new Date()): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** A deadline (YYYY-MM-DD) is missed from the day after it; the day itself still counts. */
export function pastDeadline(deadline: string, today: string): boolean {
  return today > deadline.slice(0, 10);
}
