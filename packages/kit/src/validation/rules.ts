// The input rules every subgraph shares, once. Each rule is a zod schema (zod implements the
// standard schema that @pothos/plugin-validation takes), so the same rule is used declaratively,
// `t.string({ validate: rules.phone })` on an argument or input field, and imperatively,
// `check(rules.phone, value, 'phone')`, where a value is only known inside a resolver. A rule's
// message leaves out the field's name: the error says it (`phone must be …`, see check.ts).
import { z } from 'zod';

/** Trimmed text of `min`–`max` characters (default 1–200). */
export function text(max = 200, min = 1) {
  const bounds = `must be ${min}–${max} characters`;
  return z.string().trim().min(min, bounds).max(max, bounds);
}

/** Optional text: absent or blank becomes null, anything else must be 1–`max` characters once trimmed. */
export function optionalText(max = 500) {
  return z
    .string()
    .trim()
    .max(max, `must be 1–${max} characters`)
    .nullish()
    .transform((value) => value || null);
}

// One rule for phone numbers (there were three): spaces and hyphens are dropped, then the number
// must be a mainland mobile, 11 digits starting with 1, or a Wuhan landline, 027 and 8 digits.
// Mobile prefixes are not narrowed to today's allocations (13–19): the demo's synthetic numbers
// use the unallocated 100 prefix so that no real person is ever dialled, and they must pass too.
// Only Wuhan landlines: every community, office and service point of the hub is in Jianghan.
const phonePattern = /^(1\d{10}|027\d{8})$/;

/** What a phone input field says of itself in the schema. */
export const phoneDescription = 'A mobile (11 digits) or Wuhan landline (027 and 8 digits) number; spaces and hyphens are ignored';

/** A phone number, returned without spaces and hyphens. */
export const phone = z
  .string()
  .transform((value) => value.replace(/[\s-]/g, ''))
  .refine((value) => phonePattern.test(value), 'must be an 11-digit mobile number or a Wuhan landline (027 and 8 digits)');

/** An optional phone number: blank becomes null. */
export const optionalPhone = z
  .string()
  .transform((value) => value.replace(/[\s-]/g, ''))
  .refine((value) => value === '' || phonePattern.test(value), 'must be an 11-digit mobile number or a Wuhan landline (027 and 8 digits)')
  .transform((value) => (value === '' ? null : value));

/**
 * Money in fen (分, a hundredth of a yuan): a whole amount, never negative, a safe integer (money is
 * never a float here). `min`/`max` narrow it, e.g. `fen({ min: 1 })` for an amount above zero.
 */
export function fen({ min = 0, max = Number.MAX_SAFE_INTEGER }: { min?: number; max?: number } = {}) {
  const message = max === Number.MAX_SAFE_INTEGER ? `must be a whole number of fen, at least ${min}` : `must be a whole number of fen from ${min} to ${max}`;
  return z.number().refine((value) => Number.isSafeInteger(value) && value >= min && value <= max, message);
}

/**
 * A client-generated key (a UUID, say) that makes a retried write count once: 8–200 letters, digits
 * or `_.:-` (party took 8–100 of those, evaluations 8–200 of anything; a key is stored and logged,
 * so no spaces or markup).
 */
export const idempotencyKey = z.string().regex(/^[\w.:-]{8,200}$/, 'must be 8–200 letters, digits or _.:-');

/** A calendar day as the `Date` scalar gives it (YYYY-MM-DD, already checked real), as midnight UTC. */
export const dayOf = (value: string): Date => new Date(`${value}T00:00:00Z`);

/** Today in UTC as YYYY-MM-DD. */
const todayUtc = () => new Date().toISOString().slice(0, 10);

/** A calendar day that is not in the future and not before `earliest` (default 1921); as a Date. */
export function pastDay(earliest = '1921-01-01') {
  return z
    .string()
    .refine((value) => value <= todayUtc(), 'must not be in the future')
    .refine((value) => value >= earliest, 'is implausibly early')
    .transform(dayOf);
}

/** A calendar day that is not in the past (UTC); as a Date. */
export const futureDay = z
  .string()
  .refine((value) => value >= todayUtc(), 'must not be in the past')
  .transform(dayOf);

/** An instant after now. */
export const future = z.date().refine((value) => value.getTime() > Date.now(), 'must be in the future');
