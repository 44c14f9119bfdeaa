// The services subgraph's own input checks; text, phone, money and days are the kit's shared rules
// (`rules` and `check` from @shequ/kit). Each returns the clean value or throws BAD_USER_INPUT.
import { badInput, rules } from '@shequ/kit';

/** Money in fen (分) for a bid or a tender: above 0, at most 100 million yuan. */
export const positiveFen = rules.fen({ min: 1, max: 10_000_000_000 });

export function coordinates(latitude: number, longitude: number): { latitude: number; longitude: number } {
  if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90) throw badInput('lat must be between -90 and 90', { field: 'lat' });
  if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180) throw badInput('long must be between -180 and 180', { field: 'long' });
  return { latitude, longitude };
}

const day = rules.dayOf;

export function period(start: string, end: string): { start: Date; end: Date } {
  const range = { start: day(start), end: day(end) };
  if (range.end <= range.start) throw badInput('contractEnd must be after contractStart', { field: 'contractEnd' });
  return range;
}

/** OpenStreetMap opening_hours, the common subset: "Mo-Fr 08:30-17:30; Sa 09:00-12:00" or "24/7". */
export function openingHours(value: string): string {
  const clean = value.trim();
  const rule =
    /^(Mo|Tu|We|Th|Fr|Sa|Su|PH)(-(Mo|Tu|We|Th|Fr|Sa|Su))?(,(Mo|Tu|We|Th|Fr|Sa|Su)(-(Mo|Tu|We|Th|Fr|Sa|Su))?)* ([0-2]\d:[0-5]\d-[0-2]\d:[0-5]\d)(,[0-2]\d:[0-5]\d-[0-2]\d:[0-5]\d)*$/;
  if (clean !== '24/7' && !clean.split(/;\s*/).every((part) => rule.test(part))) {
    throw badInput('openingHours must use opening_hours syntax, e.g. "Mo-Fr 08:30-17:30; Sa 09:00-12:00"', { field: 'openingHours' });
  }
  return clean;
}
