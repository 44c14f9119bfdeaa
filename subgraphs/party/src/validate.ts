// The party subgraph's own input checks; text, phone, days and idempotency keys are the kit's
// shared rules (`rules` and `check` from @shequ/kit). Each returns the clean value or throws
// BAD_USER_INPUT.
import { badInput } from '@shequ/kit';
import { maxContributionFen } from './builder.js';

/** When an activity takes place: this century, and planned at most a year ahead. */
export function activityTime(value: Date): Date {
  if (value.getUTCFullYear() < 2000) throw badInput('startsAt must not be before 2000', { field: 'startsAt' });
  if (value.getTime() > Date.now() + 366 * 24 * 3600_000) throw badInput('startsAt must be within a year from now', { field: 'startsAt' });
  return value;
}

/** Hours of service in one log: more than zero, at most a day, counted in whole minutes. */
export function serviceMinutes(hours: number): number {
  if (!Number.isFinite(hours) || hours <= 0) throw badInput('hours must be more than 0', { field: 'hours' });
  if (hours > 24) throw badInput('hours must be at most 24 for one log', { field: 'hours' });
  const minutes = Math.round(hours * 60);
  if (minutes < 1) throw badInput('hours must be at least one minute', { field: 'hours' });
  return minutes;
}

export function contributionFen(value: bigint): bigint {
  if (value <= 0n) throw badInput('valueFen must be more than 0', { field: 'valueFen' });
  if (value > maxContributionFen) throw badInput(`valueFen must be at most ${maxContributionFen} fen for one contribution`, { field: 'valueFen' });
  return value;
}

export function distinct<T>(values: readonly T[], field: string, max: number): T[] {
  if (new Set(values).size !== values.length) throw badInput(`${field} must not repeat a value`, { field });
  if (values.length > max) throw badInput(`${field} takes at most ${max} values`, { field });
  return [...values];
}

/** True when a write failed on a unique constraint (the database settled a race). */
