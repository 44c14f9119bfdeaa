import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { GraphQLSchema } from 'graphql';
import { createNonceStore, type NonceStore } from '../auth/nonce-store.js';
import { SecretsConfigError, type JwtVerification } from '../auth/secrets.js';
import type { FieldCipher } from '../crypto/field-cipher.js';
import { prismaProject } from '../database/migrations.js';
import { openDatabase, type Database, type PrismaLike } from '../database/open-database.js';
import { describeTarget, type DatabaseTarget } from '../database/target.js';
import { createHubPubSub, type PubSubHandle } from '../events/pubsub.js';
import { createServiceClient } from '../federation/service-client.js';
import { createLogger, type Logger } from '../logger.js';
import { partnerSigningSecret } from '../auth/upstream-signature.js';
import type { SubgraphServices } from '../schema/context.js';
import { createSubgraphServer, type HttpRoute } from './create-subgraph-server.js';

/** Something a subgraph runs in the background for its whole life (an outbox dispatcher, …). */
export interface BackgroundWorker {
  stop(): Promise<void>;
}

/** Everything that makes one subgraph; its folder exports one of these and nothing listens. */
export interface SubgraphDefinition<DB extends PrismaLike> {
  name: string;
  /** Fixed port for `npm start` (4001–4005); tests use free ports. */
  defaultPort: number;
  /** Absolute path of the subgraph's prisma/ folder (schema.prisma + migrations/). */
  prismaDir: string;
  createClient: (adapter: SqlMigrationAwareDriverAdapterFactory) => DB;
  schema: GraphQLSchema;
  /** Reads the hub's data key (SHEQU_DATA_KEY): startSubgraph then needs `fieldCipher`. */
  usesDataKey?: boolean;
  /** Idempotent demo data: safe to run on every start. */
  seed?: (prisma: DB, log: Logger, keys?: SeedKeys) => Promise<void>;
  /** Background work started after the server listens and stopped before the database closes. */
  workers?: (shared: SubgraphServices<DB>) => BackgroundWorker[];
  /** Plain HTTP GET endpoints beside /graphql, not signed by the gateway (the registry's supergraph). */
  routes?: (shared: SubgraphServices<DB>) => HttpRoute[];
}

/** What a seed may need besides the database: the data key's cipher (subgraphs with `usesDataKey`). */
export interface SeedKeys {
  fieldCipher: FieldCipher | undefined;
}

export interface StartOptions {
  target: DatabaseTarget;
  /** Shared with the gateway, which signs every request. */
  upstreamSecret: string;
  /** How the subgraph proves itself when it asks the gateway (service calls). */
  jwt: JwtVerification;
  /** The gateway's /graphql URL, read when needed: in tests the gateway starts after the subgraphs. */
  gatewayUrl: () => string | undefined;
  serviceToken?: string;
  redisUrl?: string;
  port?: number;
  host?: string;
  seed?: boolean;
  /** How long to wait for another replica that is migrating (or seeding) this schema. */
  lockWaitMs?: number;
  /** Built once from the data key by the caller (runSubgraph, the test harness); required with `usesDataKey`. */
  fieldCipher?: FieldCipher;
  log?: Logger;
}

export interface RunningSubgraph<DB extends PrismaLike> {
  name: string;
  url: string;
  port: number;
  db: Database<DB>;
  shared: SubgraphServices<DB>;
  /** Stops serving (and background work); the database stays open so tests can restart on the same data. */
  stopServer(): Promise<void>;
  /** Serves again on the same port after stopServer(). */
  restartServer(): Promise<void>;
  close(): Promise<void>;
}

/** Milliseconds each start-up phase took, for the ready log line: where a slow start went. */
function startupClock() {
  const laps: Record<string, number> = {};
  let last = performance.now();
  return {
    laps,
    lap(phase: string) {
      const now = performance.now();
      laps[phase] = Math.round(now - last);
      last = now;
    },
  };
}

/** Opens the database (migrating it), seeds, and serves the subgraph. */
export async function startSubgraph<DB extends PrismaLike>(def: SubgraphDefinition<DB>, options: StartOptions): Promise<RunningSubgraph<DB>> {
  const log = options.log ?? createLogger(def.name);
  const { fieldCipher } = options;
  if (def.usesDataKey && !fieldCipher) throw new SecretsConfigError(`${def.name} needs the data key (SHEQU_DATA_KEY) to protect personal data`);
  const phases = startupClock();
  const db = await openDatabase({
    target: options.target,
    project: prismaProject(def.prismaDir),
    createClient: def.createClient,
    onMigrated: (applied) => applied.length && log.info({ applied }, 'migrations applied'),
    onWaiting: (holder, pending) => log.info({ holder, pending }, 'migrations pending: waiting for the replica applying them'),
    lockWaitMs: options.lockWaitMs,
  });
  let events: PubSubHandle | undefined;
  let nonces: NonceStore | undefined;
  try {
    phases.lap('database');
    // Replicas starting together seed one at a time; the seed finds an already seeded database.
    const seed = def.seed;
    if (options.seed !== false && seed) await db.exclusive('seed', () => seed(db.prisma, log, { fieldCipher }));
    phases.lap('seed');
    events = await createHubPubSub({ redisUrl: options.redisUrl, log, prefix: `shequ:${def.name}:` });
    // Outlives restartServer(): a request already run stays spent.
    const spent = (nonces = await createNonceStore({ redisUrl: options.redisUrl, log }));
    const shared: SubgraphServices<DB> = {
      prisma: db.prisma,
      log,
      pubsub: events.pubsub,
      services: createServiceClient({ service: def.name, gatewayUrl: options.gatewayUrl, jwt: options.jwt, staticToken: options.serviceToken, log }),
      partnerSecret: (subgraph, generation) => partnerSigningSecret(options.upstreamSecret, subgraph, generation),
      ...(fieldCipher ? { fieldCipher } : {}),
    };
    const serve = async () => {
      const server = await createSubgraphServer({
        name: def.name,
        schema: def.schema,
        shared,
        ready: db.ping,
        upstreamSecret: options.upstreamSecret,
        nonces: spent,
        routes: def.routes?.(shared) ?? [],
      });
      return { server, workers: def.workers?.(shared) ?? [] };
    };
    let current = await serve();
    const { url, port } = await current.server.listen(options.port ?? def.defaultPort, options.host);
    phases.lap('serve');
    log.info(
      { url, database: describeTarget(options.target), events: events.kind, startupMs: phases.laps, uptimeMs: Math.round(process.uptime() * 1000) },
      'subgraph ready',
    );
    const stopServer = async () => {
      await Promise.all(current.workers.map((w) => w.stop()));
      await current.server.close();
    };
    const pubsub = events;
    return {
      name: def.name,
      url,
      port,
      db,
      shared,
      stopServer,
      restartServer: async () => {
        current = await serve();
        await current.server.listen(port, options.host);
      },
      close: async () => {
        await stopServer();
        await pubsub.close();
        await spent.close();
        await db.close();
      },
    };
  } catch (err) {
    await events?.close();
    await nonces?.close();
    await db.close();
    throw err;
  }
}
