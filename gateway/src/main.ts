import { loadHubSecrets, SecretsConfigError, type HubSecrets } from '@shequ/kit/auth/secrets';
import { parseSubgraphUrls, SubgraphUrlsError } from '@shequ/kit/federation/subgraph-urls';
import { dataRoot } from '@shequ/kit/paths';
import { guardProcess } from '@shequ/kit/server/process-guard';
import { announceReady, stopWithSupervisor } from '@shequ/kit/server/supervisor';
import { createLogger } from '@shequ/kit/logger';
import { securityConfigFromEnv, SecurityConfigError } from './security-config.ts';
import { startGatewayServer } from './server.ts';
import { exportSpans, type SpanExport } from './tracing.ts';
import { toRuntimeLogger } from './runtime-logger.ts';

// The only module with side effects: `npm start -w @shequ/gateway` / `tsx gateway/src/main.ts`.
const log = createLogger('gateway');

let identity: HubSecrets;
try {
  identity = loadHubSecrets(process.env, dataRoot);
} catch (err) {
  if (!(err instanceof SecretsConfigError)) throw err;
  process.stderr.write(`gateway: ${err.message}\n`);
  process.exit(1);
}
if (identity.development) {
  log.warn({ keyFile: identity.developmentKeyFile }, 'using the development key (not for production); `npm run token -- --role <ROLE>` prints tokens it accepts');
}

/** SUPERGRAPH_POLL_MS: how often the supergraph file or registry URL is looked at. */
function parsePollInterval(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const ms = Number(value);
  if (Number.isInteger(ms) && ms >= 100) return ms;
  process.stderr.write(`gateway: SUPERGRAPH_POLL_MS must be a whole number of milliseconds, at least 100, not "${value}"\n`);
  process.exit(1);
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 4000;
  const port = Number(value);
  if (Number.isInteger(port) && port >= 0 && port <= 65535) return port;
  process.stderr.write(`gateway: PORT must be 0-65535, not "${value}"\n`);
  process.exit(1);
}

/** A malformed SHEQU_SUBGRAPH_URLS stops the gateway at once, saying what is wrong. */
function subgraphUrlsFromEnv(value: string | undefined): Record<string, string> | undefined {
  try {
    const urls = parseSubgraphUrls(value);
    return urls.size > 0 ? Object.fromEntries(urls) : undefined;
  } catch (err) {
    if (!(err instanceof SubgraphUrlsError)) throw err;
    process.stderr.write(`gateway: ${err.message}\n`);
    process.exit(1);
  }
}

let server: Awaited<ReturnType<typeof startGatewayServer>>;
let spans: SpanExport | undefined;
try {
  // Before the gateway: its tracing plugin picks up the context manager the SDK registers.
  const { tracing, otlpExport } = securityConfigFromEnv();
  if (tracing && otlpExport) spans = await exportSpans({ log: toRuntimeLogger(log) });
  server = await startGatewayServer({
    port: parsePort(process.env.PORT),
    supergraph: process.env.SUPERGRAPH || undefined,
    pollIntervalMs: parsePollInterval(process.env.SUPERGRAPH_POLL_MS),
    supergraphFallback: process.env.SUPERGRAPH_FALLBACK || undefined,
    subgraphUrls: subgraphUrlsFromEnv(process.env.SHEQU_SUBGRAPH_URLS),
    identity,
    logger: log,
  });
} catch (err) {
  // A wrong limit or a broken trusted-documents manifest: one line saying what, no stack.
  if (!(err instanceof SecurityConfigError)) throw err;
  process.stderr.write(`gateway: ${(err as Error).message}\n`);
  process.exit(1);
}
log.info({ url: server.url, queryPlanner: server.gateway.queryPlanner, supergraph: server.gateway.source.location }, `gateway listening on ${server.url}`);

// The runtime (via @whatwg-node/server's `disposeOnProcessTerminate`, hard-wired on) adds
// `process.once` SIGINT/SIGTERM listeners named `terminateHandler` that dispose it but never
// exit: with any listener present Node no longer exits on the signal, so an embedded gateway
// hangs. Theirs would also abort in-flight work before our server stops accepting; we own
// shutdown here, so they go. (If the name changes upstream we only lose that ordering.)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  for (const listener of process.listeners(signal)) {
    if (listener.name === 'terminateHandler') process.off(signal, listener);
  }
}

let stopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) {
    log.warn({ signal }, 'second signal: exiting now');
    process.exit(1);
  }
  stopping = true;
  log.info({ signal }, 'shutting down');
  // A stuck close must not keep an orchestrator waiting for its kill timeout.
  setTimeout(() => {
    log.error('shutdown took over 10 s; exiting anyway');
    process.exit(1);
  }, 10_000).unref();
  try {
    await server.close();
    // The last batch of spans, within the 10 s above.
    await spans?.stop();
    log.info('gateway stopped');
    process.exit(0);
  } catch (error) {
    log.error({ err: error }, 'error while shutting down');
    process.exit(1);
  }
}
process.on('SIGINT', (signal) => void shutdown(signal));
process.on('SIGTERM', (signal) => void shutdown(signal));
stopWithSupervisor(() => void shutdown('SIGTERM'));
// Only once it serves: a failure to start must still end the process.
guardProcess(log);
announceReady('gateway', server.url);
