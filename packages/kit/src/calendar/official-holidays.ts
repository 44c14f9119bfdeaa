// The official public holidays of the People's Republic of China and the weekend days worked in
// exchange (调休补班), as the State Council's General Office publishes them each November for the
// next year (国务院办公厅关于 20xx 年部分节假日安排的通知). Only the years the hub's data spans are
// listed; a later year, or a local change, is added with SHEQU_HOLIDAYS_FILE (./config.ts).

export interface HolidayYear {
  /** The notice the days come from. */
  notice: string;
  /** Days off that would otherwise be working days (weekend days of a holiday are listed too). */
  holidays: string[];
  /** Saturdays and Sundays worked (补班). */
  workdays: string[];
}

/** Consecutive days from `first` to `last`, both included (YYYY-MM-DD). */
function span(first: string, last: string): string[] {
  const days: string[] = [];
  for (let d = new Date(`${first}T00:00:00Z`); d <= new Date(`${last}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

export const officialHolidays: Record<number, HolidayYear> = {
  2024: {
    notice: '国办发明电〔2023〕7号',
    holidays: [
      '2024-01-01', // 元旦
      ...span('2024-02-10', '2024-02-17'), // 春节
      ...span('2024-04-04', '2024-04-06'), // 清明节
      ...span('2024-05-01', '2024-05-05'), // 劳动节
      '2024-06-10', // 端午节
      ...span('2024-09-15', '2024-09-17'), // 中秋节
      ...span('2024-10-01', '2024-10-07'), // 国庆节
    ],
    workdays: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
  },
  2025: {
    notice: '国办发明电〔2024〕12号',
    holidays: [
      '2025-01-01', // 元旦
      ...span('2025-01-28', '2025-02-04'), // 春节
      ...span('2025-04-04', '2025-04-06'), // 清明节
      ...span('2025-05-01', '2025-05-05'), // 劳动节
      ...span('2025-05-31', '2025-06-02'), // 端午节
      ...span('2025-10-01', '2025-10-08'), // 国庆节、中秋节
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    notice: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
    holidays: [
      ...span('2026-01-01', '2026-01-03'), // 元旦
      ...span('2026-02-15', '2026-02-23'), // 春节
      ...span('2026-04-04', '2026-04-06'), // 清明节
      ...span('2026-05-01', '2026-05-05'), // 劳动节
      ...span('2026-06-19', '2026-06-21'), // 端午节
      ...span('2026-09-25', '2026-09-27'), // 中秋节
      ...span('2026-10-01', '2026-10-07'), // 国庆节
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};
