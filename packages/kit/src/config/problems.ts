// What an operator reads when a variable is wrong: one line per problem, naming the variable,
// what was given and what is expected; a secret's value is never repeated, nor the credentials
// inside a URL (DATABASE_URL, REDIS_URL may carry a password).
import type { z } from 'zod';
import { infoOf, type LineParams } from './variable.js';

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/** `scheme://user:password@host` → `scheme://***@host`: the rest still tells which URL it was. */
export function withoutCredentials(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1***@');
}

/** How a given value appears in a message. */
export function shown(value: string | undefined, secret: boolean): string {
  if (value === undefined) return 'unset';
  if (secret) return 'the value given (not shown: it is secret)';
  return JSON.stringify(withoutCredentials(value));
}

export function problemLines(
  issues: readonly z.core.$ZodIssue[],
  shape: Record<string, z.ZodType>,
  env: Readonly<Record<string, string | undefined>>,
): string[] {
  return issues.map((issue) => {
    const name = String(issue.path[0] ?? '');
    const schema = shape[name];
    if (issue.code === 'custom' && (issue.params as LineParams | undefined)?.line) return issue.message;
    // Anything not raised by our kinds (a value that is not a string at all) still reads as a sentence.
    const expected = issue.code === 'custom' ? issue.message : 'text';
    return `${name} must be ${expected}, not ${shown(env[name], Boolean(schema && infoOf(schema)?.secret))}`;
  });
}
