// npm start: every subgraph as its own process, then the gateway; waits until each serves, prints
// the URLs, streams prefixed logs, restarts a service that goes down, and stops everything on
// Ctrl-C. The parts are in launcher/: settings (the environment), plan (ports and environment of
// each service), service (one supervised process), policy (when to restart), hub (all of them).
//
// Start-up time is CPU on a small machine (six Node processes, five embedded PostgreSQLs), so this
// script loads nothing heavy itself: it bundles the services' TypeScript once, runs them with
// plain `node`, and learns that each serves from a message over the IPC channel.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@shequ/kit/paths';
import { bundleEntries } from './bundle.js';
import { Hub } from './launcher/hub.js';
import { freePorts, planServices } from './launcher/plan.js';
import { gatewayName, readSettings, SettingsError, type LauncherSettings } from './launcher/settings.js';
import { subgraphNames } from './subgraphs.js';

const hub = new Hub(Date.now());
process.on('SIGINT', () => void hub.stop(0));
process.on('SIGTERM', () => void hub.stop(0));

const subgraphs = subgraphNames();
let settings: LauncherSettings;
try {
  settings = readSettings(process.env, subgraphs, repoRoot);
} catch (err) {
  if (!(err instanceof SettingsError)) throw err;
  // One line per problem, each naming its variable.
  for (const line of err.message.split('\n')) console.error(`npm start: ${line}`);
  process.exit(1);
}

// The web dashboard at `/`: built by npm install, rebuilt here only when its sources changed. A
// dashboard that does not build leaves the hub serving GraphQL, with the reason printed.
try {
  const { ensureDashboardBuilt } = await import('./dashboard-build.mjs');
  ensureDashboardBuilt({ log: (line) => console.log(`npm start: ${line}`) });
} catch (err) {
  console.error(`npm start: ${(err as Error).message}\nnpm start: serving without the dashboard`);
}

const sourceOf = (name: string) => path.join(repoRoot, ...(name === gatewayName ? ['gateway'] : ['subgraphs', name]), 'src', 'main.ts');
try {
  // Every service, also those left out of SHEQU_SERVICES: one build serves any selection.
  const bundles = await bundleEntries(
    [...subgraphs, gatewayName].map((name) => ({ name, source: sourceOf(name) })),
    settings.buildDir,
  );
  // A first start's embedded databases need a pristine cluster: made here while the services load
  // their code, rather than by the first of them to get there while the others wait. (Should it
  // fail, each service makes its own.)
  const { dataDir } = settings;
  const newDatabases =
    settings.embeddedDatabases && settings.services.some((name) => name !== gatewayName && !existsSync(path.join(dataDir, name, 'PG_VERSION')));
  if (newDatabases) {
    import('@shequ/kit/database/pglite-cluster').then((m) => m.ensurePristineCluster(dataDir)).catch(() => {});
  }
  const ports = settings.ports === 'free' ? await freePorts(settings.services) : new Map<string, number>();
  await hub.run(planServices(settings, subgraphs, bundles, process.env, ports), settings);
} catch (err) {
  await hub.stop(1, (err as Error).message);
}
