import { badInput } from '@shequ/kit';

/** Trimmed text of 1–`max` characters, or BAD_USER_INPUT naming the field. */
export function requireText(value: string, field: string, max = 200): string {
  const trimmed = value.trim();
  if (!trimmed || trimmed.length > max) throw badInput(`${field} must be 1–${max} characters`, { field });
  return trimmed;
}
