import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { openAdapters } from './adapters.js';
import { applyMigrations, migrationNames, type PrismaProject } from './migrations.js';
import { countingFactory, QueryCounter } from './query-counter.js';
import type { DatabaseTarget } from './target.js';

/** The part of a generated PrismaClient the kit relies on. */
export interface PrismaLike {
  $connect(): Promise<void>;
  $disconnect(): Promise<void>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

export interface Database<Client extends PrismaLike> {
  prisma: Client;
  target: DatabaseTarget;
  /** Counts SQL statements, for tests that prove batching. */
  queries: QueryCounter;
  /** Readiness: one round trip to the database. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** Closes and removes the data (isolated test databases only). */
  drop(): Promise<void>;
}

export interface OpenDatabaseOptions<Client extends PrismaLike> {
  target: DatabaseTarget;
  project: PrismaProject;
  createClient: (adapter: SqlMigrationAwareDriverAdapterFactory) => Client;
  onMigrated?: (applied: string[]) => void;
}

async function pendingMigrations(prisma: PrismaLike, project: PrismaProject): Promise<string[]> {
  const wanted = await migrationNames(project);
  let done: Set<string>;
  try {
    const rows = await prisma.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    done = new Set(rows.map((r) => r.migration_name));
  } catch {
    return wanted; // no migrations table yet
  }
  return wanted.filter((name) => !done.has(name));
}

/** Opens a subgraph's database, applies pending migrations and returns its Prisma client. */
export async function openDatabase<Client extends PrismaLike>(options: OpenDatabaseOptions<Client>): Promise<Database<Client>> {
  const adapters = await openAdapters(options.target);
  let prisma: Client | undefined;
  const queries = new QueryCounter();
  try {
    prisma = options.createClient(countingFactory(adapters.runtime, queries));
    await prisma.$connect();
    // Starting the schema engine costs seconds of CPU; on an up-to-date database one query shows
    // there is nothing to do. (`npm run db -- <subgraph> migrate status` still checks checksums.)
    const pending = await pendingMigrations(prisma, options.project);
    const applied = pending.length ? await applyMigrations(adapters.migrations, options.project).finally(() => adapters.doneMigrating()) : [];
    options.onMigrated?.(applied);
  } catch (err) {
    await prisma?.$disconnect();
    await adapters.close();
    throw err;
  }
  const client = prisma;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await client.$disconnect();
    await adapters.close();
  };
  return {
    prisma: client,
    target: options.target,
    queries,
    ping: async () => {
      await client.$queryRawUnsafe('SELECT 1');
    },
    close,
    drop: async () => {
      await close();
      await adapters.drop();
    },
  };
}
