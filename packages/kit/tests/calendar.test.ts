import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CalendarConfigError, calendarWith, districtCalendar, districtDayOf, officialHolidays, parseHolidayOverrides } from '../src/index.js';

const official = districtCalendar({});

describe('the district working calendar', () => {
  it('skips National Day: 15 working days from 2026-09-28 end on 2026-10-23, with the 补班 Saturday 10-10 counted', () => {
    // Sep 29, 30 (2) · Oct 1–7 off · Oct 8, 9 (4) · Sat 10 worked (5) · Oct 12–16 (10) · Oct 19–23 (15).
    expect(official.addWorkingDays('2026-09-28', 15)).toBe('2026-10-23');
    expect(official.isWorkingDay('2026-10-01')).toBe(false);
    expect(official.isWorkingDay('2026-10-10')).toBe(true); // Saturday, worked
    expect(official.isWorkingDay('2026-10-11')).toBe(false); // an ordinary Sunday
  });

  it('counts a 补班 Sunday and skips the Spring Festival week', () => {
    expect(official.isWorkingDay('2026-09-20')).toBe(true); // Sunday before 中秋 worked
    expect(official.addWorkingDays('2026-09-18', 1)).toBe('2026-09-20');
    // Friday 2026-02-13 → Sat 02-14 worked, then 02-15…23 off, then 02-24.
    expect(official.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    expect(official.addWorkingDays('2025-01-27', 1)).toBe('2025-02-05'); // 2025 春节 Jan 28 – Feb 4
    expect(official.isWorkingDay('2024-10-12')).toBe(true); // 2024's Saturday after 国庆
  });

  it('counts working days left between two days, the first excluded', () => {
    expect(official.workingDaysBetween('2026-09-30', '2026-10-09')).toBe(2); // Oct 8, 9
    expect(official.workingDaysBetween('2026-10-09', '2026-10-09')).toBe(0);
    expect(official.workingDaysBetween('2026-10-12', '2026-10-09')).toBe(0);
    const from = '2026-03-02';
    expect(official.workingDaysBetween(from, official.addWorkingDays(from, 15))).toBe(15);
  });

  it('has no day both off and worked in the official table, and only weekend days as 补班', () => {
    for (const year of Object.values(officialHolidays)) {
      expect(year.holidays.filter((d) => year.workdays.includes(d))).toEqual([]);
      for (const d of year.workdays) expect([0, 6]).toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
    }
  });

  it('is the district day in Asia/Shanghai', () => {
    expect(districtDayOf(new Date('2026-09-30T16:30:00Z'))).toBe('2026-10-01');
  });

  it('takes added and overridden days from SHEQU_HOLIDAYS_FILE', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'holidays-'));
    const file = path.join(dir, 'holidays.json');
    writeFileSync(file, JSON.stringify({ holidays: ['2026-12-03'], workdays: ['2026-10-07'] }));
    const configured = districtCalendar({ SHEQU_HOLIDAYS_FILE: file });
    expect(configured.isWorkingDay('2026-12-03')).toBe(false);
    expect(configured.isWorkingDay('2026-10-07')).toBe(true);
    expect(configured.addWorkingDays('2026-12-02', 1)).toBe('2026-12-04');
    expect(official.addWorkingDays('2026-12-02', 1)).toBe('2026-12-03');
    expect(calendarWith({ holidays: [], workdays: [] }).isWorkingDay('2026-10-07')).toBe(false);
  });

  it('refuses a file that is missing or malformed with a message naming it', () => {
    expect(() => districtCalendar({ SHEQU_HOLIDAYS_FILE: '/nonexistent/holidays.json' })).toThrow(
      /SHEQU_HOLIDAYS_FILE \/nonexistent\/holidays.json cannot be read: ENOENT/,
    );
    const bad = (text: string) => () => parseHolidayOverrides(text, 'h.json');
    expect(bad('{')).toThrow(CalendarConfigError);
    expect(bad('[]')).toThrow(/must be an object/);
    expect(bad('{"holidays":["2026-02-30"]}')).toThrow(/"holidays" has "2026-02-30"/);
    expect(bad('{"holiday":[]}')).toThrow(/unknown key holiday/);
    expect(bad('{"holidays":["2026-12-03"],"workdays":["2026-12-03"]}')).toThrow(/both as a holiday and as a workday/);
    expect(parseHolidayOverrides('{"workdays":["2027-02-06"]}', 'h.json')).toEqual({ holidays: [], workdays: ['2027-02-06'] });
  });
});
