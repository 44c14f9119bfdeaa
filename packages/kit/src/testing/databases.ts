// The databases tests run against: embedded PGlite always, and the machine's PostgreSQL when it
// answers. Where PostgreSQL is absent its tests are skipped loudly, never silently.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { testSettings } from '../config/tools.js';
import type { DatabaseTarget } from '../database/target.js';

export const testPostgresUrl = testSettings().postgresUrl;

let reachable: Promise<boolean> | undefined;

export function postgresAvailable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: testPostgresUrl, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch (err) {
      console.warn(`\n!!! PostgreSQL at ${testPostgresUrl} is not reachable (${(err as Error).message}); its tests are SKIPPED !!!\n`);
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return reachable;
}

export type DatabaseKind = 'pglite' | 'postgres';

/** A fresh, isolated target: in-memory PGlite, or a PostgreSQL database of its own (dropped after). */
export function isolatedTarget(kind: DatabaseKind, prefix: string): DatabaseTarget {
  if (kind === 'pglite') return { kind: 'pglite', dataDir: null };
  const url = new URL(testPostgresUrl);
  url.pathname = `/shequ_t${randomBytes(6).toString('hex')}`;
  return { kind: 'postgres', url: url.toString(), schema: prefix.replace(/[^a-z0-9_]/g, '_'), ephemeral: { adminUrl: testPostgresUrl } };
}

/** The kinds to run a data-layer suite against; PostgreSQL only when it answers. */
export async function databaseKinds(): Promise<DatabaseKind[]> {
  return (await postgresAvailable()) ? ['pglite', 'postgres'] : ['pglite'];
}
