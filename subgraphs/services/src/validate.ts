// Input checks for the mutations: each returns the clean value or throws BAD_USER_INPUT.
import { badInput } from '@shequ/kit';

export function text(value: string, field: string, max = 200): string {
  const clean = value.trim();
  if (!clean || clean.length > max) throw badInput(`${field} must be 1–${max} characters`, { field });
  return clean;
}

export const optionalText = (value: string | null | undefined, field: string, max = 500): string | null =>
  value === null || value === undefined || value.trim() === '' ? null : text(value, field, max);

/** Money in fen (分): a whole positive amount, at most 100 million yuan. */
export function fen(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value <= 0 || value > 10_000_000_000) throw badInput(`${field} must be a whole number of fen above 0`, { field });
  return value;
}

export function coordinates(latitude: number, longitude: number): { latitude: number; longitude: number } {
  if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90) throw badInput('lat must be between -90 and 90', { field: 'lat' });
  if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180) throw badInput('long must be between -180 and 180', { field: 'long' });
  return { latitude, longitude };
}

export const day = (value: string): Date => new Date(`${value}T00:00:00Z`);

export function period(start: string, end: string): { start: Date; end: Date } {
  const range = { start: day(start), end: day(end) };
  if (range.end <= range.start) throw badInput('contractEnd must be after contractStart', { field: 'contractEnd' });
  return range;
}

export function future(value: Date, field: string): Date {
  if (value.getTime() <= Date.now()) throw badInput(`${field} must be in the future`, { field });
  return value;
}

/** OpenStreetMap opening_hours, the common subset: "Mo-Fr 08:30-17:30; Sa 09:00-12:00" or "24/7". */
export function openingHours(value: string): string {
  const clean = value.trim();
  const rule = /^(Mo|Tu|We|Th|Fr|Sa|Su|PH)(-(Mo|Tu|We|Th|Fr|Sa|Su))?(,(Mo|Tu|We|Th|Fr|Sa|Su)(-(Mo|Tu|We|Th|Fr|Sa|Su))?)* ([0-2]\d:[0-5]\d-[0-2]\d:[0-5]\d)(,[0-2]\d:[0-5]\d-[0-2]\d:[0-5]\d)*$/;
  if (clean !== '24/7' && !clean.split(/;\s*/).every((part) => rule.test(part))) {
    throw badInput('openingHours must use opening_hours syntax, e.g. "Mo-Fr 08:30-17:30; Sa 09:00-12:00"', { field: 'openingHours' });
  }
  return clean;
}


/** A service phone: mobile (11 digits) or landline with area code. */
export function phone(value: string, field = 'phone'): string {
  const clean = value.replace(/[\s-]/g, '');
  if (!/^(1\d{10}|0\d{9,11})$/.test(clean)) throw badInput(`${field} must be a mobile (11 digits) or landline number with area code`, { field });
  return clean;
}
