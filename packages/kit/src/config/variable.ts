// One environment variable: a zod schema from the raw string (or its absence) to a typed value,
// carrying the metadata the README's reference is generated from. Every process's schema is
// built from these, so a variable is parsed, described and defaulted in one place.
import { z } from 'zod';

export interface VariableInfo {
  /** One sentence for the README; secrets say they are secret. */
  description: string;
  /** The default as the README shows it (never a secret's); omitted: unset means "none". */
  default?: string;
  /** Never echoed in an error message, never given a documented default. */
  secret?: boolean;
}

/** A variable's schema: what `process.env` holds (a string or nothing) in, a typed value out. */
export type Variable<T> = z.ZodType<T, string | undefined>;

/** The issue params that mark a message as a whole line that already names the variable. */
export interface LineParams {
  line: true;
}

type Parse<T> = (raw: string) => T | undefined;

interface Options {
  /** Keep an empty value instead of treating it as unset (`SHEQU_SUBGRAPH_NODE_FLAGS=`: no flags). */
  keepEmpty?: boolean;
}

/**
 * A variable whose value `parse` reads, `expected` saying what it wants when `parse` returns
 * undefined ("must be <expected>, not ..."). Empty or blank values count as unset, as every
 * hand-written parser before this one did, unless `keepEmpty`.
 */
export function parsed<T>(expected: string, parse: Parse<T>, options: Options = {}): Variable<T | undefined> {
  return z
    .string()
    .optional()
    .transform((value, ctx) => {
      const raw = options.keepEmpty ? value : value?.trim() || undefined;
      if (raw === undefined) return undefined;
      const out = parse(raw);
      if (out === undefined) {
        ctx.issues.push({ code: 'custom', message: expected, input: value });
        return z.NEVER;
      }
      return out;
    });
}

/**
 * A variable with a domain check of its own that words its whole message (`check` returns the
 * line, naming the variable, or a value). The line must not echo a secret.
 */
export function checked<T>(check: (raw: string) => { value: T } | { problem: string }, options: Options = {}): Variable<T | undefined> {
  return z
    .string()
    .optional()
    .transform((value, ctx) => {
      const raw = options.keepEmpty ? value : value?.trim() || undefined;
      if (raw === undefined) return undefined;
      const out = check(raw);
      if ('problem' in out) {
        ctx.issues.push({ code: 'custom', message: out.problem, input: value, params: { line: true } satisfies LineParams });
        return z.NEVER;
      }
      return out.value;
    });
}

/** Attaches the README's description and default. Last in the chain: zod keeps metadata per schema instance. */
export function describe<T>(schema: Variable<T>, info: VariableInfo): Variable<T> {
  return schema.meta({ ...info });
}

/** The value an unset (or empty) variable takes; the README shows the `default` given to `describe`. */
export function withDefault<T>(schema: Variable<T | undefined>, fallback: T): Variable<T> {
  return schema.transform((value) => value ?? fallback);
}

export function infoOf(schema: z.ZodType): VariableInfo | undefined {
  return schema.meta() as VariableInfo | undefined;
}
