// Working days of the district: Monday to Friday, except public holidays, plus the weekend days
// worked in exchange. Deadlines in working days (a rectification's 15) are counted on this.

/** Days as YYYY-MM-DD; the district's calendar day of an instant is districtDayOf() (time/district-day.ts). */
export type Day = string;

export interface WorkingCalendar {
  isWorkingDay(day: Day): boolean;
  /** The day `count` working days after `day`; `day` itself does not count, `count` 0 is `day`. */
  addWorkingDays(day: Day, count: number): Day;
  /** Working days after `from` up to and including `to`; 0 when `to` is not after `from`. */
  workingDaysBetween(from: Day, to: Day): number;
}

const next = (day: Day): Day => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
};

/** A calendar with these days off and these weekend days worked. */
export function workingCalendar(holidays: Iterable<Day>, workdays: Iterable<Day>): WorkingCalendar {
  const off = new Set(holidays);
  const worked = new Set(workdays);
  const isWorkingDay = (day: Day) => {
    if (worked.has(day)) return true;
    if (off.has(day)) return false;
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };
  return {
    isWorkingDay,
    addWorkingDays(day, count) {
      let current = day;
      for (let left = count; left > 0; ) {
        current = next(current);
        if (isWorkingDay(current)) left--;
      }
      return current;
    },
    workingDaysBetween(from, to) {
      let count = 0;
      for (let current = next(from); current <= to; current = next(current)) if (isWorkingDay(current)) count++;
      return count;
    },
  };
}
