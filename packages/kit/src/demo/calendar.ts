// The demo's calendar. Demo timelines run up to the day the demo is seeded (its reference day),
// so a fresh hub always shows recent activity; every subgraph's seed derives its dates from the
// same day, and SHEQU_DEMO_DAY (YYYY-MM-DD) pins it for a reproducible demo.
import type { Env } from '../config/define.js';
import { demoSettings } from '../config/subgraph.js';
import { dateOfDay, districtDayOf } from '../time/district-day.js';

const DAY_MS = 86_400_000;

/** The day the demo's timelines run to: SHEQU_DEMO_DAY, or today in the district. */
export function demoReferenceDay(env?: Env): Date {
  const pinned = demoSettings(env).day;
  return dateOfDay(pinned ?? districtDayOf(new Date()));
}

export const addDays = (day: Date, days: number): Date => new Date(day.getTime() + days * DAY_MS);

/** Whole days from `from` to `to` (both midnight UTC). */
export const daysBetween = (from: Date, to: Date): number => Math.round((to.getTime() - from.getTime()) / DAY_MS);

export const isoDay = (day: Date): string => day.toISOString().slice(0, 10);

/**
 * The day a community's funds ledger opens: mid-January two years before the reference day
 * (the reform's first full year), with the former committees' assets handed over.
 */
export const demoLedgerOpening = (reference: Date): Date => new Date(Date.UTC(reference.getUTCFullYear() - 2, 0, 15));

export type Festival = 'SPRING_FESTIVAL' | 'LANTERN' | 'QINGMING' | 'DRAGON_BOAT' | 'MID_AUTUMN' | 'DOUBLE_NINTH';

/** The festivals' names, as residents know them. */
export const festivalNames: Record<Festival, string> = {
  SPRING_FESTIVAL: '春节',
  LANTERN: '元宵节',
  QINGMING: '清明节',
  DRAGON_BOAT: '端午节',
  MID_AUTUMN: '中秋节',
  DOUBLE_NINTH: '重阳节',
};

// The lunar-calendar festivals fall on a different Gregorian day every year; 清明 is a solar term.
// Days per year: 春节, 元宵, 清明, 端午, 中秋, 重阳.
const festivalTable: Record<number, [string, string, string, string, string, string]> = {
  2022: ['02-01', '02-15', '04-05', '06-03', '09-10', '10-04'],
  2023: ['01-22', '02-05', '04-05', '06-22', '09-29', '10-23'],
  2024: ['02-10', '02-24', '04-04', '06-10', '09-17', '10-11'],
  2025: ['01-29', '02-12', '04-04', '05-31', '10-06', '10-29'],
  2026: ['02-17', '03-03', '04-05', '06-19', '09-25', '10-18'],
  2027: ['02-06', '02-20', '04-05', '06-09', '09-15', '10-08'],
  2028: ['01-26', '02-09', '04-04', '05-28', '10-03', '10-26'],
};
const order: Festival[] = ['SPRING_FESTIVAL', 'LANTERN', 'QINGMING', 'DRAGON_BOAT', 'MID_AUTUMN', 'DOUBLE_NINTH'];

/** The festival's day in `year`; throws outside the table's years (extend the table). */
export function festivalDay(festival: Festival, year: number): Date {
  const days = festivalTable[year];
  if (!days) throw new Error(`no festival dates for ${year} in the demo calendar`);
  return dateOfDay(`${year}-${days[order.indexOf(festival)]}`);
}

/** The festivals from `from` to `to` (inclusive), in order. */
export function festivalsBetween(from: Date, to: Date): { festival: Festival; day: Date }[] {
  const out: { festival: Festival; day: Date }[] = [];
  for (let year = from.getUTCFullYear(); year <= to.getUTCFullYear(); year++) {
    for (const festival of order) {
      const day = festivalDay(festival, year);
      if (day >= from && day <= to) out.push({ festival, day });
    }
  }
  return out;
}
