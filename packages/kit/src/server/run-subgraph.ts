import { loadHubSecrets, SecretsConfigError } from '../auth/secrets.js';
import { CalendarConfigError, districtCalendar } from '../calendar/config.js';
import { databaseTargetFromEnv, DatabaseConfigError } from '../database/target.js';
import type { PrismaLike } from '../database/open-database.js';
import { createLogger } from '../logger.js';
import { dataRoot } from '../paths.js';
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
  try {
    const target = databaseTargetFromEnv(def.name, process.env, dataRoot);
    const port = process.env.PORT ? Number(process.env.PORT) : def.defaultPort;
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new DatabaseConfigError(`PORT must be a port number, not ${process.env.PORT}`);
    const { upstreamSecret, jwt } = loadHubSecrets(process.env, dataRoot);
    // Read now, so that a bad SHEQU_HOLIDAYS_FILE stops the start rather than a later deadline.
    districtCalendar(process.env);
    const gatewayUrl = process.env.GATEWAY_URL ?? `http://127.0.0.1:${process.env.GATEWAY_PORT ?? 4000}/graphql`;
    running = await startSubgraph(def, {
      target,
      port,
      upstreamSecret,
      jwt,
      gatewayUrl: () => gatewayUrl,
      serviceToken: process.env.SHEQU_SERVICE_TOKEN,
      redisUrl: process.env.REDIS_URL,
      host: process.env.HOST ?? '127.0.0.1',
      seed: process.env.SEED !== 'false',
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
