// Where each service runs and with what environment. Decided once, before anything starts: a
// restarted service comes back on the same port with the same environment, so the gateway's
// routes and the subgraphs' GATEWAY_URL stay right without being told anything.
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { repoRoot } from '@shequ/kit/paths';
import { gatewayName, type LauncherSettings } from './settings.js';

export interface ServiceSpec {
  name: string;
  bundle: string;
  nodeFlags: string[];
  env: NodeJS.ProcessEnv;
  /**
   * A program that is not one of ours (nginx): run as `command args`, without the IPC channel;
   * it serves once `readyPort` on 127.0.0.1 accepts connections. `bundle` is then unused.
   */
  external?: { command: string; args: string[]; readyPort: number };
}

// Port 1 (tcpmux) has no listener on any machine we run on: a refused connection, so the gateway
// answers SUBGRAPH_UNAVAILABLE instead of reaching whatever serves the usual port.
const unreachableUrl = 'http://127.0.0.1:1/graphql';
const localUrl = (port: number) => `http://127.0.0.1:${port}/graphql`;

/** The schema registry: where the gateway takes its supergraph from when the hub runs one. */
export const registryName = 'registry';
/** subgraphs/registry's own port (its `defaultPort`), where it listens with fixed ports. */
export const registryDefaultPort = 4006;

/**
 * `ports` holds each service's port with SHEQU_PORTS=free and is empty otherwise (subgraphs then
 * listen on their own default ports, the gateway on PORT).
 */
export function planServices(
  settings: LauncherSettings,
  allSubgraphs: string[],
  bundles: Map<string, string>,
  baseEnv: NodeJS.ProcessEnv,
  ports: Map<string, number>,
): ServiceSpec[] {
  const free = settings.ports === 'free';
  // With free ports the hub is self-contained: a subgraph left out of SHEQU_SERVICES is
  // unreachable rather than the one some other hub serves on its usual port.
  const urlOf = (name: string) => (ports.has(name) ? localUrl(ports.get(name)!) : unreachableUrl);
  const gatewayUrl = free ? urlOf(gatewayName) : localUrl(settings.gatewayPort);
  return settings.services.map((name) => {
    const env: NodeJS.ProcessEnv = { ...baseEnv, GATEWAY_URL: gatewayUrl };
    const subgraphUrls = allSubgraphs.map((s) => `${s}=${urlOf(s)}`).join(',');
    if (name === gatewayName) {
      env.PORT = String(free ? ports.get(name)! : settings.gatewayPort);
      if (free) env.SHEQU_SUBGRAPH_URLS = subgraphUrls;
      Object.assign(env, registrySupergraph(settings, baseEnv, ports));
    } else if (free) {
      env.PORT = String(ports.get(name)!);
      // The registry composes the core subgraphs at the addresses they really have.
      if (name === registryName) env.SHEQU_SUBGRAPH_URLS = subgraphUrls;
    } else {
      // PORT given to `npm start` is the gateway's; subgraphs keep their own fixed ports.
      delete env.PORT;
    }
    return { name, bundle: bundles.get(name)!, nodeFlags: name === gatewayName ? settings.gatewayNodeFlags : settings.subgraphNodeFlags, env };
  });
}

/**
 * With the registry in the hub, the gateway watches the supergraph it serves (partners published
 * there join live), and serves schema/supergraph.graphql while the registry is still starting.
 * A SUPERGRAPH given to `npm start` wins.
 */
function registrySupergraph(settings: LauncherSettings, baseEnv: NodeJS.ProcessEnv, ports: Map<string, number>): NodeJS.ProcessEnv {
  if (baseEnv.SUPERGRAPH || !settings.services.includes(registryName)) return {};
  const port = settings.ports === 'free' ? ports.get(registryName)! : registryDefaultPort;
  return {
    SUPERGRAPH: `http://127.0.0.1:${port}/supergraph.graphql`,
    SUPERGRAPH_FALLBACK: baseEnv.SUPERGRAPH_FALLBACK || path.join(repoRoot, 'schema', 'supergraph.graphql'),
    SUPERGRAPH_POLL_MS: baseEnv.SUPERGRAPH_POLL_MS || '2000',
  };
}

/** Distinct free ports, one per name: all are held open until all are found, so none is handed out twice. */
export async function freePorts(names: string[]): Promise<Map<string, number>> {
  const servers: Server[] = [];
  try {
    const ports = await Promise.all(
      names.map(
        () =>
          new Promise<number>((resolve, reject) => {
            const server = createServer();
            servers.push(server);
            server.once('error', reject);
            // No host: free on every interface, as the gateway listens on all of them.
            server.listen(0, () => resolve((server.address() as { port: number }).port));
          }),
      ),
    );
    return new Map(names.map((name, i) => [name, ports[i]!]));
  } finally {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  }
}
