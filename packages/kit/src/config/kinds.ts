// The kinds of value the hub's variables take. Each says, in its error message, what it expects;
// the loader adds the variable's name and the value given (problems.ts).
import { parsed, type Variable } from './variable.js';

export const text = (): Variable<string | undefined> => parsed('text', (raw) => raw);

/** Text kept exactly, spaces and emptiness included (node flags, lists where empty means none). */
export const rawText = (): Variable<string | undefined> => parsed('text', (raw) => raw, { keepEmpty: true });

interface IntegerOptions {
  min?: number;
  max?: number;
  /** The wording of the message; the default reads "a whole number from 1 up" / "from 1 to 65535". */
  expected?: string;
}

export function integer({ min = 0, max = Number.MAX_SAFE_INTEGER, expected }: IntegerOptions = {}): Variable<number | undefined> {
  const wording = expected ?? `a whole number from ${min}${max === Number.MAX_SAFE_INTEGER ? ' up' : ` to ${max}`}`;
  return parsed(wording, (raw) => {
    if (!/^-?\d+$/.test(raw)) return undefined;
    const n = Number(raw);
    return Number.isSafeInteger(n) && n >= min && n <= max ? n : undefined;
  });
}

/** A TCP port; 0 lets the system pick a free one where `min` allows it. */
export const port = ({ min = 0, expected }: { min?: number; expected?: string } = {}) => integer({ min, max: 65_535, expected });

/** Milliseconds: a whole number, at least `min`. */
export const duration = ({ min = 1, expected }: { min?: number; expected?: string } = {}) =>
  integer({ min, expected: expected ?? `a whole number of milliseconds, at least ${min}` });

const truthy = ['true', '1', 'yes', 'on'];
const falsy = ['false', '0', 'no', 'off'];

export const boolean = (): Variable<boolean | undefined> =>
  parsed('true or false', (raw) => {
    const v = raw.toLowerCase();
    return truthy.includes(v) ? true : falsy.includes(v) ? false : undefined;
  });

/** One of a few words, any case; the message lists them quoted. */
export function oneOf<const W extends string>(words: readonly W[]): Variable<W | undefined> {
  const expected = words.map((w) => `"${w}"`).join(words.length === 2 ? ' or ' : ', ');
  return parsed(expected, (raw) => words.find((w) => w === raw.toLowerCase()));
}

/** An absolute URL with one of `protocols` (e.g. `['http:', 'https:']`). */
export function url(protocols: readonly string[], example: string): Variable<string | undefined> {
  const names = protocols.map((p) => p.replace(/:$/, ''));
  return parsed(`a ${names.join('/')} URL like ${example}`, (raw) => (URL.canParse(raw) && protocols.includes(new URL(raw).protocol) ? raw : undefined));
}

export const httpUrl = (example = 'http://127.0.0.1:4000/graphql') => url(['http:', 'https:'], example);

/** Comma-separated; an empty value is an empty list (the unset variable gets the default). */
export const list = (): Variable<string[] | undefined> =>
  parsed(
    'a comma-separated list',
    (raw) =>
      raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    { keepEmpty: true },
  );

/** pino's levels, and `silent` (tests). */
export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];
export const logLevel = () => oneOf(logLevels);

/** YYYY-MM-DD, a real day. */
export const day = (): Variable<string | undefined> =>
  parsed('a day (YYYY-MM-DD)', (raw) => {
    const at = new Date(`${raw}T00:00:00Z`);
    return /^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(at.getTime()) && at.toISOString().startsWith(raw) ? raw : undefined;
  });
