// The district's calendar: the official holidays (./official-holidays.ts), with the days of
// SHEQU_HOLIDAYS_FILE on top — a JSON file for a year not yet in the table or a local change:
//   { "holidays": ["2027-01-01"], "workdays": ["2027-01-04"] }
// A day listed in the file wins over the table (a holiday there becomes worked, or the reverse).
// A missing or malformed file stops the subgraph at start with one line saying what is wrong.
import { readFileSync } from 'node:fs';
import type { Env } from '../config/define.js';
import { holidaysSettings } from '../config/subgraph.js';
import { officialHolidays } from './official-holidays.js';
import { workingCalendar, type Day, type WorkingCalendar } from './working-days.js';

export class CalendarConfigError extends Error {
  override name = 'CalendarConfigError';
}

export interface HolidayOverrides {
  holidays: Day[];
  workdays: Day[];
}

const isDay = (value: unknown): value is Day =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/** The file's days, or CalendarConfigError naming the file and the mistake. */
export function parseHolidayOverrides(text: string, source: string): HolidayOverrides {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new CalendarConfigError(`SHEQU_HOLIDAYS_FILE ${source} is not JSON: ${(err as Error).message}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new CalendarConfigError(`SHEQU_HOLIDAYS_FILE ${source} must be an object { "holidays": [...], "workdays": [...] }`);
  }
  const record = parsed as Record<string, unknown>;
  const unknownKeys = Object.keys(record).filter((k) => k !== 'holidays' && k !== 'workdays');
  if (unknownKeys.length)
    throw new CalendarConfigError(`SHEQU_HOLIDAYS_FILE ${source}: unknown key ${unknownKeys.join(', ')} (only "holidays" and "workdays")`);
  const list = (key: 'holidays' | 'workdays'): Day[] => {
    const value = record[key] ?? [];
    if (!Array.isArray(value)) throw new CalendarConfigError(`SHEQU_HOLIDAYS_FILE ${source}: "${key}" must be a list of YYYY-MM-DD days`);
    const wrong = value.find((d) => !isDay(d));
    if (wrong !== undefined) throw new CalendarConfigError(`SHEQU_HOLIDAYS_FILE ${source}: "${key}" has ${JSON.stringify(wrong)}, not a YYYY-MM-DD day`);
    return value as Day[];
  };
  const overrides = { holidays: list('holidays'), workdays: list('workdays') };
  const both = overrides.holidays.find((d) => overrides.workdays.includes(d));
  if (both) throw new CalendarConfigError(`SHEQU_HOLIDAYS_FILE ${source}: ${both} is listed both as a holiday and as a workday`);
  return overrides;
}

/** The official table with the overrides applied. */
export function calendarWith(overrides: HolidayOverrides): WorkingCalendar {
  const holidays = new Set(Object.values(officialHolidays).flatMap((y) => y.holidays));
  const workdays = new Set(Object.values(officialHolidays).flatMap((y) => y.workdays));
  for (const day of overrides.holidays) {
    holidays.add(day);
    workdays.delete(day);
  }
  for (const day of overrides.workdays) {
    workdays.add(day);
    holidays.delete(day);
  }
  return workingCalendar(holidays, workdays);
}

const cache = new Map<string, WorkingCalendar>();

/**
 * The district's working calendar as the environment configures it. Read once per file path;
 * call it at start (runSubgraph does) so that a bad file stops the process there.
 */
export function districtCalendar(env?: Env): WorkingCalendar {
  return districtCalendarOf(holidaysSettings(env).file);
}

/** The calendar with the days of `file` (SHEQU_HOLIDAYS_FILE) on top of the official ones. */
export function districtCalendarOf(holidaysFile: string | undefined): WorkingCalendar {
  const file = holidaysFile ?? '';
  let calendar = cache.get(file);
  if (!calendar) {
    let overrides: HolidayOverrides = { holidays: [], workdays: [] };
    if (file) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        throw new CalendarConfigError(`SHEQU_HOLIDAYS_FILE ${file} cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
      overrides = parseHolidayOverrides(text, file);
    }
    calendar = calendarWith(overrides);
    cache.set(file, calendar);
  }
  return calendar;
}
