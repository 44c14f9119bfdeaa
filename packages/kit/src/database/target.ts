// Where a subgraph keeps its data: the embedded PGlite by default, PostgreSQL when DATABASE_URL
// is set. Each subgraph gets its own PGlite directory or its own PostgreSQL schema.
import path from 'node:path';
import type { Env } from '../config/define.js';
import { databaseUrlProblem } from '../config/shared.js';
import type { DatabaseSettings } from '../config/subgraph.js';

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string | null }
  | {
      kind: 'postgres';
      url: string;
      schema: string;
      /**
       * Tests only: the database in `url` is created on open and dropped with drop(), through
       * this maintenance connection. Each test gets its own database because the schema
       * engine's migration lock is database-wide: parallel test files would queue behind it.
       */
      ephemeral?: { adminUrl: string };
    };

export class DatabaseConfigError extends Error {
  override name = 'DatabaseConfigError';
}

const schemaName = /^[a-z_][a-z0-9_]{0,62}$/;

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === 'pglite') return target.dataDir ? `embedded PGlite in ${target.dataDir}` : 'embedded PGlite in memory';
  const u = new URL(target.url);
  return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname} schema "${target.schema}"`;
}

/** Reads the target from an environment (tests, tools); a subgraph's start uses {@link databaseTarget} with its parsed configuration. */
export function databaseTargetFromEnv(subgraph: string, env: Env, dataRoot: string): DatabaseTarget {
  return databaseTarget(subgraph, { url: env.DATABASE_URL?.trim() || undefined, schema: env.DATABASE_SCHEMA }, dataRoot);
}

/** The target of DATABASE_URL / DATABASE_SCHEMA; throws a DatabaseConfigError with one clear sentence. */
export function databaseTarget(subgraph: string, settings: DatabaseSettings, dataRoot: string): DatabaseTarget {
  const { url } = settings;
  if (!url) return { kind: 'pglite', dataDir: path.join(dataRoot, subgraph) };
  const problem = databaseUrlProblem(url);
  if (problem) throw new DatabaseConfigError(problem);
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? settings.schema ?? subgraph;
  if (!schemaName.test(schema)) throw new DatabaseConfigError(`database schema "${schema}" must be lower-case letters, digits and _`);
  parsed.searchParams.delete('schema');
  return { kind: 'postgres', url: parsed.toString(), schema };
}
