import { hubSecrets, SecretsConfigError } from '../auth/secrets.js';
import { CalendarConfigError, districtCalendarOf } from '../calendar/config.js';
import { loadOrExit } from '../config/define.js';
import { loadSubgraphConfig } from '../config/subgraph.js';
import { createFieldCipher, dataKeyOf } from '../crypto/field-cipher.js';
import { databaseTarget, DatabaseConfigError } from '../database/target.js';
import type { PrismaLike } from '../database/open-database.js';
import { createLogger } from '../logger.js';
import { guardProcess } from './process-guard.js';
import { startSubgraph, type SubgraphDefinition } from './subgraph.js';
import { announceReady, stopWithSupervisor } from './supervisor.js';

/** The process entry point of a subgraph: env → database → server, with clean shutdown. */
export async function runSubgraph<DB extends PrismaLike>(def: SubgraphDefinition<DB>): Promise<void> {
  const log = createLogger(def.name);
  let running: Awaited<ReturnType<typeof startSubgraph<DB>>> | undefined;
  let signalled: string | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    // A signal during start-up (first run: migrating, seeding) waits for the database to be in a
    // consistent state instead of killing PGlite mid-write; a second signal means "now".
    if (!running) {
      if (signalled) process.exit(1);
      signalled = signal;
      log.info({ signal }, 'will stop as soon as start-up has finished');
      return;
    }
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    await running.close().catch((err: unknown) => log.error({ err }, 'error during shutdown'));
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  stopWithSupervisor(() => void stop('supervisor gone'));
  // Every variable at once, before anything else: a bad value ends the process here with one
  // line per problem (loadOrExit), not a stack trace from deep inside the start.
  const config = loadOrExit(def.name, () => loadSubgraphConfig(def.name, process.env));
  try {
    const target = databaseTarget(def.name, config.database, config.dataDir);
    const { upstreamSecret, jwt } = hubSecrets(config.secrets, config.dataDir);
    // Read now, so that a bad SHEQU_HOLIDAYS_FILE stops the start rather than a later deadline.
    districtCalendarOf(config.holidaysFile);
    // The data key once, here: a missing or bad SHEQU_DATA_KEY stops the start with one line;
    // the cipher then reaches the seed and every request through the shared services.
    const fieldCipher = def.usesDataKey
      ? createFieldCipher(dataKeyOf({ production: config.secrets.production, dataKey: config.dataKey }, config.dataDir).key)
      : undefined;
    running = await startSubgraph(def, {
      target,
      port: config.port ?? def.defaultPort,
      upstreamSecret,
      jwt,
      gatewayUrl: () => config.gatewayUrl,
      serviceToken: config.serviceToken,
      redisUrl: config.redisUrl,
      host: config.host,
      seed: config.seed,
      lockWaitMs: config.database.migrationWaitMs,
      ...(fieldCipher ? { fieldCipher } : {}),
      log,
    });
  } catch (err) {
    if (err instanceof DatabaseConfigError || err instanceof SecretsConfigError || err instanceof CalendarConfigError) {
      // One clear line for the operator; no stack trace for a configuration mistake.
      process.stderr.write(`${def.name}: ${err.message}\n`);
    } else {
      log.fatal({ err }, 'subgraph failed to start');
    }
    process.exit(1);
  }
  // Only once it serves: a failure to start must still end the process.
  guardProcess(log);
  if (signalled) await stop(signalled);
  else announceReady(def.name, running.url);
}
