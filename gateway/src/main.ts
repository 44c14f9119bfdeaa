import { hubSecrets, SecretsConfigError, type HubSecrets } from '@shequ/kit/auth/secrets';
import { loadOrExit } from '@shequ/kit/config/define';
import { loadGatewayConfig } from '@shequ/kit/config/gateway';
import { guardProcess } from '@shequ/kit/server/process-guard';
import { announceReady, stopWithSupervisor } from '@shequ/kit/server/supervisor';
import { createLogger } from '@shequ/kit/logger';
import { SecurityConfigError } from './security-config.ts';
import { startGatewayServer } from './server.ts';
import { exportSpans, type SpanExport } from './tracing.ts';
import { toRuntimeLogger } from './runtime-logger.ts';

// The only module with side effects: `npm start -w @shequ/gateway` / `tsx gateway/src/main.ts`.
// Every variable is parsed here, first: a bad value ends the process with one line per problem
// (the kit's gateway schema says what each expects); the parsed object is what the gateway uses.
const config = loadOrExit('gateway', () => loadGatewayConfig(process.env));
const log = createLogger('gateway', config.logLevel);

let identity: HubSecrets;
try {
  identity = hubSecrets(config.secrets, config.dataDir);
} catch (err) {
  if (!(err instanceof SecretsConfigError)) throw err;
  process.stderr.write(`gateway: ${err.message}\n`);
  process.exit(1);
}
if (identity.development) {
  log.warn(
    { keyFile: identity.developmentKeyFile },
    'using the development key (not for production); `npm run token -- --role <ROLE>` prints tokens it accepts',
  );
}

let server: Awaited<ReturnType<typeof startGatewayServer>>;
let spans: SpanExport | undefined;
try {
  // Before the gateway: its tracing plugin picks up the context manager the SDK registers.
  if (config.security.tracing && config.security.otlpExport) spans = await exportSpans({ log: toRuntimeLogger(log) });
  server = await startGatewayServer({ config, identity, logger: log });
} catch (err) {
  // A broken trusted-documents manifest, or one with nothing in it: one line saying what, no stack.
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
