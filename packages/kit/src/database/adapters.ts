import type { PGlite } from '@electric-sql/pglite';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { dataRoot } from '../paths.js';
import { openPGlite, pgliteAdapterFactory } from './pglite-cluster.js';
import type { SchemaLockOptions, SchemaLockPurpose } from './postgres.js';
import { DatabaseConfigError, describeTarget, type DatabaseTarget } from './target.js';

export interface Adapters {
  /** For the Prisma client. */
  runtime: SqlMigrationAwareDriverAdapterFactory;
  /** For the schema engine (PostgreSQL needs catalog-friendly connections). */
  migrations: SqlMigrationAwareDriverAdapterFactory;
  /** Ends the schema engine's connections (and the database lock it keeps); call once migrated. */
  doneMigrating(): Promise<void>;
  close(): Promise<void>;
  /** Removes the data entirely (isolated test schemas). */
  drop(): Promise<void>;
  /**
   * Runs `run` as the only process doing `purpose` on this schema (PostgreSQL: an advisory lock
   * that replicas wait for, up to `options.waitMs`; PGlite has one process per data directory).
   */
  exclusive<T>(purpose: SchemaLockPurpose, options: SchemaLockOptions, run: () => Promise<T>): Promise<T>;
}

const connectionReasons: Record<string, string> = {
  ECONNREFUSED: 'connection refused (is the server running?)',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name could not be resolved',
  ETIMEDOUT: 'connection timed out',
  '28P01': 'password authentication failed',
  '28000': 'authentication rejected',
  '3D000': 'database does not exist',
};

function explain(target: DatabaseTarget, err: unknown): DatabaseConfigError {
  const e = err as { code?: string; message?: string };
  const reason = (e.code && connectionReasons[e.code]) ?? e.message ?? String(err);
  return new DatabaseConfigError(`cannot open ${describeTarget(target)}: ${reason}`);
}

/** Opens the driver for a target; failures become one DatabaseConfigError sentence. */
export async function openAdapters(target: DatabaseTarget): Promise<Adapters> {
  if (target.kind === 'pglite') {
    let pglite: PGlite;
    try {
      pglite = await openPGlite(target.dataDir, dataRoot);
    } catch (err) {
      throw explain(target, err);
    }
    const factory = pgliteAdapterFactory(pglite, dataRoot);
    const close = async () => {
      if (!pglite.closed) await pglite.close();
    };
    return { runtime: factory, migrations: factory, doneMigrating: async () => {}, close, drop: close, exclusive: (_purpose, _options, run) => run() };
  }
  // Only a hub on PostgreSQL pays for loading its driver.
  const { postgresAdapter, postgresMigrationAdapter, withPostgres, withSchemaLock, SchemaLockTimeout } = await import('./postgres.js');
  const database = decodeURIComponent(new URL(target.url).pathname.slice(1));
  const { ephemeral } = target;
  try {
    if (ephemeral) {
      await withPostgres(ephemeral.adminUrl, async (c) => {
        const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
        if (!exists.rowCount) await c.query(`CREATE DATABASE "${database}"`);
      });
    }
    // IF NOT EXISTS is not safe against itself: a replica starting at the same moment may create
    // the schema between the check and the insert (unique violation), which is as good as made.
    await withPostgres(target.url, (c) =>
      c.query(`CREATE SCHEMA IF NOT EXISTS "${target.schema}"`).catch((err: { code?: string }) => {
        if (err.code !== '23505' && err.code !== '42P06') throw err;
      }),
    );
  } catch (err) {
    throw explain(target, err);
  }
  const migrations = postgresMigrationAdapter({ url: target.url, schema: target.schema, max: 2 });
  return {
    runtime: postgresAdapter({ url: target.url, schema: target.schema }),
    migrations: migrations.factory,
    doneMigrating: migrations.end,
    close: migrations.end,
    exclusive: async (purpose, options, run) => {
      try {
        return await withSchemaLock(target.url, target.schema, purpose, options, run);
      } catch (err) {
        // Not reaching the database, or waiting in vain: one sentence, as for a wrong DATABASE_URL.
        if (err instanceof SchemaLockTimeout) throw new DatabaseConfigError(`${describeTarget(target)}: ${err.message}`);
        if (typeof (err as { code?: unknown }).code === 'string' && connectionReasons[(err as { code: string }).code]) throw explain(target, err);
        throw err;
      }
    },
    drop: ephemeral
      ? () => withPostgres(ephemeral.adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)).then(() => undefined)
      : () => withPostgres(target.url, (c) => c.query(`DROP SCHEMA IF EXISTS "${target.schema}" CASCADE`)).then(() => undefined),
  };
}
