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
  /**
   * Runs `run` as the only process doing `purpose` on this schema at a time (replicas seeding
   * together: the others wait, then find the work done); waits at most `lockWaitMs`.
   */
  exclusive<T>(purpose: 'seed', run: () => Promise<T>): Promise<T>;
}

export interface OpenDatabaseOptions<Client extends PrismaLike> {
  target: DatabaseTarget;
  project: PrismaProject;
  createClient: (adapter: SqlMigrationAwareDriverAdapterFactory) => Client;
  onMigrated?: (applied: string[]) => void;
  /** Migrations are pending and another process is applying them: this one waits (logged once). */
  onWaiting?: (holder: string, pending: string[]) => void;
  /**
   * How long a process that finds migrations pending waits for another that holds the migration
   * lock (default {@link defaultLockWaitMs}); then it fails with one sentence naming the holder.
   */
  lockWaitMs?: number;
}

/** Two minutes: the demo's first migration of a subgraph takes seconds; a holder this slow is stuck. */
export const defaultLockWaitMs = 120_000;

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
  const lockWaitMs = options.lockWaitMs ?? defaultLockWaitMs;
  let prisma: Client | undefined;
  const queries = new QueryCounter();
  try {
    prisma = options.createClient(countingFactory(adapters.runtime, queries));
    await prisma.$connect();
    // Starting the schema engine costs seconds of CPU; on an up-to-date database one query shows
    // there is nothing to do. (`npm run db -- <subgraph> migrate status` still checks checksums.)
    const pending = await pendingMigrations(prisma, options.project);
    let applied: string[] = [];
    if (pending.length) {
      // Replicas start together: one applies the migrations under the schema's migration lock,
      // the others wait for it and then, asking again under the lock, find nothing pending. None
      // serves before the schema is current.
      const client = prisma;
      applied = await adapters
        .exclusive(
          'migrate',
          { waitMs: lockWaitMs, why: `migrations ${pending.join(', ')} are pending`, onWait: (holder) => options.onWaiting?.(holder, pending) },
          async () => ((await pendingMigrations(client, options.project)).length ? applyMigrations(adapters.migrations, options.project) : []),
        )
        .finally(() => adapters.doneMigrating());
    }
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
    exclusive: (purpose, run) => adapters.exclusive(purpose, { waitMs: lockWaitMs, why: 'the demo data is being seeded' }, run),
    drop: async () => {
      await close();
      await adapters.drop();
    },
  };
}
