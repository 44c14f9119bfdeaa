// Where a subgraph keeps its data: the embedded PGlite by default, PostgreSQL when DATABASE_URL
// is set. Each subgraph gets its own PGlite directory or its own PostgreSQL schema.
import path from 'node:path';

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

/** Reads the target from the environment; throws a DatabaseConfigError with one clear sentence. */
export function databaseTargetFromEnv(subgraph: string, env: NodeJS.ProcessEnv, dataRoot: string): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (!url) return { kind: 'pglite', dataDir: path.join(dataRoot, subgraph) };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseConfigError('DATABASE_URL is not a valid URL; expected postgresql://user:password@host:5432/database');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new DatabaseConfigError(`DATABASE_URL must use postgresql://, not ${parsed.protocol}//`);
  }
  if (!parsed.hostname) throw new DatabaseConfigError('DATABASE_URL has no host name');
  if (parsed.pathname.length <= 1) throw new DatabaseConfigError('DATABASE_URL names no database (add /<database> after the host)');
  const schema = parsed.searchParams.get('schema') ?? env.DATABASE_SCHEMA ?? subgraph;
  if (!schemaName.test(schema)) throw new DatabaseConfigError(`database schema "${schema}" must be lower-case letters, digits and _`);
  parsed.searchParams.delete('schema');
  return { kind: 'postgres', url: parsed.toString(), schema };
}
