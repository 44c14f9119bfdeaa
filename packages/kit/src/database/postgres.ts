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
