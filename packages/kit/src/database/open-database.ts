import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { openAdapters } from './adapters.js';
import { applyMigrations, type PrismaProject } from './migrations.js';
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

/** Opens a subgraph's database, applies pending migrations and returns its Prisma client. */
export async function openDatabase<Client extends PrismaLike>(options: OpenDatabaseOptions<Client>): Promise<Database<Client>> {
  const adapters = await openAdapters(options.target);
  let prisma: Client | undefined;
  const queries = new QueryCounter();
  try {
    const applied = await applyMigrations(adapters.migrations, options.project);
    options.onMigrated?.(applied);
    prisma = options.createClient(countingFactory(adapters.runtime, queries));
    await prisma.$connect();
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
