// A process's configuration: the variables it reads (each with its kind, description and default)
// and how their values become the typed object its code is given. Parsed once at start; every
// problem is reported together, so one restart fixes them all.
import { z } from 'zod';
import { ConfigError, problemLines } from './problems.js';
import type { Variable } from './variable.js';

export type Env = Readonly<Record<string, string | undefined>>;
export type Shape = Record<string, Variable<unknown>>;
export type Values<S extends Shape> = { [K in keyof S]: z.output<S[K]> };

export interface ConfigDefinition<S extends Shape, T> {
  /** Who reads these variables, as the README's table names it: `gateway`, `subgraphs`, `evaluations`, `npm start`... */
  process: string;
  variables: S;
  build(values: Values<S>): T;
}

export function defineConfig<S extends Shape, T>(definition: ConfigDefinition<S, T>): ConfigDefinition<S, T> {
  return definition;
}

/** Merges variable sets; a name defined twice must be the same definition (one place per variable). */
export function variables<A extends Shape, B extends Shape>(a: A, b: B): A & B {
  for (const name of Object.keys(b)) {
    if (name in a && a[name] !== b[name]) throw new Error(`${name} is defined twice with different schemas`);
  }
  return { ...a, ...b };
}

/** The typed configuration, or a ConfigError listing every problem. */
export function parseConfig<S extends Shape, T>(definition: ConfigDefinition<S, T>, env: Env): T {
  const result = z.object(definition.variables).safeParse(env);
  if (!result.success) throw new ConfigError(problemLines(result.error.issues, definition.variables, env));
  return definition.build(result.data as Values<S>);
}

/**
 * For a process's entry point: a configuration mistake ends the process with exit code 1 and
 * one `<label>: <problem>` line per problem on stderr, no stack trace.
 */
export function loadOrExit<T>(label: string, load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const line of error.problems) process.stderr.write(`${label}: ${line}\n`);
    process.exit(1);
  }
}
