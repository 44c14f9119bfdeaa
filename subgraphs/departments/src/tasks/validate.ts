import { badInput } from '@shequ/kit';
import { budgetLimits } from './workflow.js';

export function budget(fen: number, what = 'budgetFen'): number {
  if (!Number.isInteger(fen) || fen < budgetLimits.minFen || fen > budgetLimits.maxFen) {
    throw badInput(`${what} must be a whole number of fen between ${budgetLimits.minFen} (1 yuan) and ${budgetLimits.maxFen} (10 million yuan)`, { field: what });
  }
  return fen;
}

/** Trimmed text within bounds, or BAD_USER_INPUT naming the field. */
export function text(value: string, field: string, min: number, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length < min || trimmed.length > max) throw badInput(`${field} must be ${min}–${max} characters`, { field });
  return trimmed;
}

export function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  return text(value, field, 1, max);
}

/** A calendar day that is not in the past (UTC). */
export function futureDay(day: string, field: string): Date {
  const date = new Date(`${day}T00:00:00.000Z`);
  if (day < new Date().toISOString().slice(0, 10)) throw badInput(`${field} must not be in the past`, { field });
  return date;
}
