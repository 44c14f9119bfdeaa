import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { GraphQLSchema } from 'graphql';
import { prismaProject } from '../database/migrations.js';
import { openDatabase, type Database, type PrismaLike } from '../database/open-database.js';
import { describeTarget, type DatabaseTarget } from '../database/target.js';
import { createLogger, type Logger } from '../logger.js';
import { createSubgraphServer } from './create-subgraph-server.js';

/** Everything that makes one subgraph; its folder exports one of these and nothing listens. */
export interface SubgraphDefinition<DB extends PrismaLike> {
  name: string;
  /** Fixed port for `npm start` (4001–4005); tests use free ports. */
  defaultPort: number;
  /** Absolute path of the subgraph's prisma/ folder (schema.prisma + migrations/). */
  prismaDir: string;
  createClient: (adapter: SqlMigrationAwareDriverAdapterFactory) => DB;
  schema: GraphQLSchema;
  /** Idempotent demo data: safe to run on every start. */
  seed?: (prisma: DB, log: Logger) => Promise<void>;
}

export interface StartOptions {
  target: DatabaseTarget;
  /** Shared with the gateway, which signs every request. */
  upstreamSecret: string;
  port?: number;
  host?: string;
  seed?: boolean;
  log?: Logger;
}

export interface RunningSubgraph<DB extends PrismaLike> {
  name: string;
  url: string;
  port: number;
  db: Database<DB>;
  /** Stops serving; the database stays open (tests restart the server on the same data). */
  stopServer(): Promise<void>;
  /** Serves again on the same port after stopServer(). */
  restartServer(): Promise<void>;
  close(): Promise<void>;
}

/** Opens the database (migrating it), seeds, and serves the subgraph. */
export async function startSubgraph<DB extends PrismaLike>(def: SubgraphDefinition<DB>, options: StartOptions): Promise<RunningSubgraph<DB>> {
  const log = options.log ?? createLogger(def.name);
  const db = await openDatabase({
    target: options.target,
    project: prismaProject(def.prismaDir),
    createClient: def.createClient,
    onMigrated: (applied) => applied.length && log.info({ applied }, 'migrations applied'),
  });
  try {
    if (options.seed !== false && def.seed) await def.seed(db.prisma, log);
    const serve = () => createSubgraphServer({ name: def.name, schema: def.schema, prisma: db.prisma, log, ready: db.ping, upstreamSecret: options.upstreamSecret });
    let server = await serve();
    const { url, port } = await server.listen(options.port ?? def.defaultPort, options.host);
    log.info({ url, database: describeTarget(options.target) }, 'subgraph ready');
    return {
      name: def.name,
      url,
      port,
      db,
      stopServer: () => server.close(),
      restartServer: async () => {
        server = await serve();
        await server.listen(port, options.host);
      },
      close: async () => {
        await server.close();
        await db.close();
      },
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}
