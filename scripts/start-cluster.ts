// npm run start:cluster: the hub as a city runs it, on one machine. `SHEQU_REPLICAS` (2) replicas
// of the gateway and of every subgraph (the registry too) against one PostgreSQL (DATABASE_URL)
// and one Redis (REDIS_URL), with nginx in front: HTTP and WebSocket on PORT (4000), and a
// balanced local address per subgraph for the gateways. Configured by environment only (the kit's
// config/cluster.ts); it is npm start's launcher (launcher/: bundles, supervised services with
// restarts, one hub that stops them all) with a different plan, plus nginx as one more service.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadClusterConfig, type ClusterConfig } from '@shequ/kit/config/cluster';
import { ConfigError } from '@shequ/kit/config/problems';
import { repoRoot } from '@shequ/kit/paths';
import { bundleEntries } from './bundle.js';
import { clusterPortNames, planCluster } from './launcher/cluster.js';
import { Hub } from './launcher/hub.js';
import { nginxConfig } from './launcher/nginx.js';
import { freePorts } from './launcher/plan.js';
import { nginxBinary, nginxConfigProblem, postgresProblem, redisProblem } from './launcher/preflight.js';
import { restartPolicyFrom } from './launcher/policy.js';
import { gatewayName } from './launcher/settings.js';
import { subgraphNames } from './subgraphs.js';

const label = 'npm run start:cluster';
const refuse = (lines: string[]): never => {
  for (const line of lines) console.error(`${label}: ${line}`);
  process.exit(1);
};

const hub = new Hub(Date.now());
process.on('SIGINT', () => void hub.stop(0));
process.on('SIGTERM', () => void hub.stop(0));

const subgraphs = subgraphNames();
let config: ClusterConfig;
try {
  config = loadClusterConfig(process.env, [...subgraphs, gatewayName], repoRoot);
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  refuse(err.problems);
}
config = config!;

// Everything it needs, checked together: one run tells every missing piece.
const nginx = nginxBinary(config.nginx);
const problems = [
  ...(await Promise.all([postgresProblem(config.databaseUrl), redisProblem(config.redisUrl)])),
  'problem' in nginx ? nginx.problem : undefined,
].filter((p): p is string => p !== undefined);
if (problems.length > 0 || !('path' in nginx)) refuse(problems);
const nginxPath = (nginx as { path: string }).path;

try {
  const { ensureDashboardBuilt } = await import('./dashboard-build.mjs');
  ensureDashboardBuilt({ log: (line) => console.log(`${label}: ${line}`) });
} catch (err) {
  console.error(`${label}: ${(err as Error).message}\n${label}: serving without the dashboard`);
}

const ownDir = config.nginxDir === undefined;
const nginxDir = config.nginxDir ? path.resolve(config.nginxDir) : mkdtempSync(path.join(tmpdir(), 'shequ-nginx-'));
hub.onStopped = () => {
  if (ownDir) rmSync(nginxDir, { recursive: true, force: true });
};

try {
  const sourceOf = (name: string) => path.join(repoRoot, ...(name === gatewayName ? ['gateway'] : ['subgraphs', name]), 'src', 'main.ts');
  const bundles = await bundleEntries(
    [...subgraphs, gatewayName].map((name) => ({ name, source: sourceOf(name) })),
    config.buildDir,
  );
  const ports = await freePorts(clusterPortNames(subgraphs, config.replicas));
  const plan = planCluster(config, subgraphs, bundles, process.env, ports);

  // nginx's prefix: its workers (nobody, when this runs as root) must reach the temporary files.
  mkdirSync(path.join(nginxDir, 'tmp'), { recursive: true });
  chmodSync(nginxDir, 0o755);
  const conf = path.join(nginxDir, 'nginx.conf');
  const asRoot = process.getuid?.() === 0;
  writeFileSync(
    conf,
    nginxConfig({ dir: nginxDir, upstreams: plan.upstreams, readTimeoutMs: config.proxyReadTimeoutMs, user: asRoot ? 'nobody nogroup' : undefined }),
  );
  const invalid = nginxConfigProblem(nginxPath, nginxDir, conf);
  if (invalid) throw new Error(`${label}: ${invalid}`);

  const specs = [
    ...plan.specs,
    {
      name: 'nginx',
      bundle: '',
      nodeFlags: [],
      env: process.env,
      external: { command: nginxPath, args: ['-p', nginxDir, '-e', 'stderr', '-c', conf, '-g', 'daemon off;'], readyPort: config.port },
    },
  ];
  await hub.run(
    specs,
    {
      restart: restartPolicyFrom(config),
      readyTimeoutMs: config.readyTimeoutMs,
      embeddedDatabases: false,
      dataDir: config.dataDir,
    },
    (services, upSeconds) => {
      const width = Math.max(...services.map((s) => s.name.length));
      const rows = services.map(
        (s) =>
          `  ${s.name.padEnd(width)}  ${(s.url ?? '').replace('127.0.0.1', 'localhost').padEnd(34)}  ${s.pid === undefined ? 'restarting' : `pid ${s.pid}`}`,
      );
      const hubUrl = plan.url.replace('127.0.0.1', 'localhost');
      return `
shequ cluster is up in ${upSeconds} s: ${config.replicas} replicas of each service behind nginx
  GraphQL (HTTP, GraphiQL, graphql-ws, SSE)  ${hubUrl}
  dashboard                                  ${hubUrl.replace(/\/graphql$/, '/')}
${rows.join('\n')}
  database: PostgreSQL (DATABASE_URL), one schema per subgraph; events: Redis (REDIS_URL)
  nginx: ${conf}
A service that goes down is restarted; nginx sends its requests to the other replicas meanwhile. Press Ctrl-C to stop.
`;
    },
  );
} catch (err) {
  await hub.stop(1, (err as Error).message);
}
