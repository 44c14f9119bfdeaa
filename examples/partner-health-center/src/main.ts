// npm start -w examples/partner-health-center: the health centre's subgraph, configured from the
// environment (HEALTH_CENTER_SIGNING_SECRET, PORT, HOST).
import { startHealthCenter } from './server.js';

const secret = process.env.HEALTH_CENTER_SIGNING_SECRET?.trim() || null;
const insecure = process.env.HEALTH_CENTER_INSECURE_DEV === '1';
if (!secret && !insecure) {
  console.error(
    'health-center: HEALTH_CENTER_SIGNING_SECRET is not set (the district prints it at `npm run subgraph -- register`); set HEALTH_CENTER_INSECURE_DEV=1 to run without it for local development',
  );
  process.exit(1);
}
const port = Number(process.env.PORT ?? 4100);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`health-center: PORT must be a port number, not "${process.env.PORT}"`);
  process.exit(1);
}
if (!secret)
  console.warn('health-center: WARNING HEALTH_CENTER_INSECURE_DEV=1, gateway signatures are NOT verified; anyone who reaches this port can query it');

const server = await startHealthCenter({ port, host: process.env.HOST || '127.0.0.1', signingSecret: secret });
console.log(`health-center subgraph listening at ${server.url}`);

let stopping = false;
const stop = (signal: string) => {
  // Repeats are ignored: one Ctrl-C may arrive more than once (from the terminal, and relayed by
  // npm and tsx), and a second must not cut the drain short.
  // Apollo's drain gives requests in flight at most 10 s, so closing cannot hang.
  if (stopping) return;
  stopping = true;
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`health-center: error while stopping on ${signal}`, error);
      process.exit(1);
    },
  );
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
