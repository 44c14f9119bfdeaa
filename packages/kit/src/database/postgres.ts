import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';

// pg_catalog's one-byte "char" type (OID 18) is not mapped by @prisma/adapter-pg 7.10, yet the
// schema engine reads such columns (pg_class.relkind, …) while it migrates. Reporting those
// columns as text (OID 25) lets the engine run over this adapter unchanged.
const CHAR_OID = 18;
const TEXT_OID = 25;

type QueryResultLike = { fields?: { dataTypeID: number }[] } | undefined;

function relabelCharColumns<T extends QueryResultLike | QueryResultLike[]>(result: T): T {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const f of r?.fields ?? []) if (f.dataTypeID === CHAR_OID) f.dataTypeID = TEXT_OID;
  }
  return result;
}

class CatalogFriendlyClient extends pg.Client {
  override query(...args: unknown[]): never {
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      const cb = last as (err: Error | null, res: QueryResultLike) => void;
      args[args.length - 1] = (err: Error | null, res: QueryResultLike) => cb(err, err ? res : relabelCharColumns(res));
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const out = (super.query as (...a: unknown[]) => unknown)(...args);
    if (out && typeof (out as Promise<unknown>).then === 'function') {
      return (out as Promise<QueryResultLike>).then(relabelCharColumns) as never;
    }
    return out as never;
  }
}

export interface PostgresAdapterOptions {
  url: string;
  schema: string;
  max?: number;
}

/**
 * adapter-pg runs a migration script by splitting it on ";", which breaks dollar-quoted bodies
 * (functions, triggers, DO blocks). PostgreSQL runs a multi-statement script as one simple query.
 */
class WholeScriptPrismaPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    adapter.executeScript = async (script: string) => {
      await adapter.underlyingDriver().query(script);
    };
    return adapter;
  }
}

function poolConfig(options: PostgresAdapterOptions): pg.PoolConfig {
  return {
    connectionString: options.url,
    options: `-c search_path="${options.schema}"`,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5_000,
  };
}

/** A Prisma driver adapter factory for one PostgreSQL schema; search_path points at it too. */
export function postgresAdapter(options: PostgresAdapterOptions): PrismaPg {
  return new PrismaPg(poolConfig(options), { schema: options.schema });
}

/**
 * The schema engine's adapter, over a pool of our own: the engine takes a database-wide advisory
 * lock while it migrates and does not release it, so its connections must end once it is done —
 * or no other subgraph on the same database could ever migrate (they would time out on the lock).
 */
export function postgresMigrationAdapter(options: PostgresAdapterOptions): { factory: PrismaPg; end(): Promise<void> } {
  const pool = new pg.Pool({ ...poolConfig(options), Client: CatalogFriendlyClient });
  let ended = false;
  return {
    factory: new WholeScriptPrismaPg(pool, { schema: options.schema }),
    end: async () => {
      if (ended) return;
      ended = true;
      await pool.end().catch(() => {});
    },
  };
}

/** Opens a plain connection to check reachability and to create or drop the schema. */
export async function withPostgres<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** What one exclusive step of a subgraph's start is: applying its migrations, or seeding it. */
export type SchemaLockPurpose = 'migrate' | 'seed';

export interface SchemaLockOptions {
  /** How long to wait for another process that holds the lock; then a DatabaseConfigError-worthy Error. */
  waitMs: number;
  /** Said in the error when the wait runs out, e.g. "migrations 2026…_init are pending". */
  why: string;
  /** Called once when the lock is held by someone else and this process starts waiting. */
  onWait?: (holder: string) => void;
  /** Between two tries (tests shorten it). */
  pollMs?: number;
}

/** The advisory lock's two keys: shequ's own class, then the schema and purpose (not the schema engine's one-key lock). */
export const schemaLockKeys = (schema: string, purpose: SchemaLockPurpose) => ['shequ', `${schema}:${purpose}`] as const;

/** The lock was held by another process for longer than the wait allowed. */
export class SchemaLockTimeout extends Error {
  override name = 'SchemaLockTimeout';
}

/**
 * Runs `run` while this process holds a session advisory lock for (`schema`, `purpose`) in the
 * database of `url`, on a connection of its own (so that it is released when that connection
 * ends, whatever happens to the process). Replicas of a subgraph starting together thus migrate
 * (or seed) one at a time: the first takes the lock, the others wait — polling, up to `waitMs` —
 * and then find nothing left to do. A holder that outlasts the wait is named in the error.
 */
export async function withSchemaLock<T>(
  url: string,
  schema: string,
  purpose: SchemaLockPurpose,
  options: SchemaLockOptions,
  run: () => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000, application_name: `shequ ${schema} ${purpose}` });
  await client.connect();
  // A dead connection must not take the process down; the lock is gone with it anyway.
  client.on('error', () => {});
  const [classKey, objectKey] = schemaLockKeys(schema, purpose);
  const tryLock = async () =>
    (await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS locked', [classKey, objectKey])).rows[0]!.locked;
  try {
    const deadline = Date.now() + options.waitMs;
    let waiting = false;
    while (!(await tryLock())) {
      const holder = await lockHolder(client, classKey, objectKey);
      if (!waiting) {
        waiting = true;
        options.onWait?.(holder);
      }
      if (Date.now() >= deadline) {
        throw new SchemaLockTimeout(
          `${options.why}, and ${holder} has held the ${purpose} lock of schema "${schema}" for more than ${Math.round(options.waitMs / 1000)} s; ` +
            'wait for it to finish, end it if it is stuck, or raise SHEQU_MIGRATION_WAIT_MS',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(options.pollMs ?? 250, Math.max(1, deadline - Date.now()))));
    }
    try {
      return await run();
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1), hashtext($2))', [classKey, objectKey]).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}

/** Who holds the lock, for the log and the error: "PostgreSQL backend 1234 (shequ party migrate, 10.0.0.5)". */
async function lockHolder(client: pg.Client, classKey: string, objectKey: string): Promise<string> {
  const { rows } = await client
    .query<{ pid: number; app: string | null; addr: string | null }>(
      `SELECT l.pid, a.application_name AS app, host(a.client_addr) AS addr
         FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND l.classid = hashtext($1)::oid AND l.objid = hashtext($2)::oid AND l.objsubid = 2`,
      [classKey, objectKey],
    )
    .catch(() => ({ rows: [] as { pid: number; app: string | null; addr: string | null }[] }));
  const row = rows[0];
  if (!row) return 'another process';
  const about = [row.app || null, row.addr].filter(Boolean).join(', ');
  return `PostgreSQL backend ${row.pid}${about ? ` (${about})` : ''}`;
}
