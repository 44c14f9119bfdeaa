// The cluster's plan: which processes run where, decided once before anything starts (as plan.ts
// does for npm start). Every service runs `replicas` times on free local ports; nginx listens on
// the hub's port for the gateways and on one local port per subgraph for its replicas, so that
// the gateways (SHEQU_SUBGRAPH_URLS), the registry (the URLs it composes) and the subgraphs
// (GATEWAY_URL) each reach a balanced, failing-over address, never one replica.
import path from 'node:path';
import type { ClusterConfig } from '@shequ/kit/config/cluster';
import { repoRoot } from '@shequ/kit/paths';
import type { Upstream } from './nginx.js';
import { registryName, type ServiceSpec } from './plan.js';
import { gatewayName } from './settings.js';

export interface ClusterPlan {
  specs: ServiceSpec[];
  upstreams: Upstream[];
  /** The hub's address, through nginx. */
  url: string;
}

/** `name-1`, `name-2`, …: a replica's name in the logs. */
export const replicaName = (service: string, index: number) => `${service}-${index + 1}`;

/** What freePorts must find: every replica, and nginx's local port of each subgraph. */
export function clusterPortNames(subgraphs: string[], replicas: number): string[] {
  const services = [...subgraphs, gatewayName];
  return [...services.flatMap((s) => Array.from({ length: replicas }, (_, i) => replicaName(s, i))), ...subgraphs.map((s) => `nginx:${s}`)];
}

export function planCluster(
  config: Pick<ClusterConfig, 'port' | 'replicas' | 'subgraphNodeFlags' | 'gatewayNodeFlags'>,
  subgraphs: string[],
  bundles: Map<string, string>,
  baseEnv: NodeJS.ProcessEnv,
  ports: Map<string, number>,
): ClusterPlan {
  const port = (name: string) => {
    const p = ports.get(name);
    if (p === undefined) throw new Error(`no port for ${name}`);
    return p;
  };
  const replicas = Array.from({ length: config.replicas }, (_, i) => i);
  const balanced = (subgraph: string) => `http://127.0.0.1:${port(`nginx:${subgraph}`)}/graphql`;
  const subgraphUrls = subgraphs.map((s) => `${s}=${balanced(s)}`).join(',');
  const gatewayUrl = `http://127.0.0.1:${config.port}/graphql`;
  const specs: ServiceSpec[] = [];
  for (const name of subgraphs) {
    for (const i of replicas) {
      const env: NodeJS.ProcessEnv = { ...baseEnv, PORT: String(port(replicaName(name, i))), GATEWAY_URL: gatewayUrl };
      // The demo data goes in once: by the first replica (under the seed lock, in case a restart
      // of it meets another start); the others find it there.
      if (i > 0) env.SEED = 'false';
      if (name === registryName) env.SHEQU_SUBGRAPH_URLS = baseEnv.SHEQU_SUBGRAPH_URLS || subgraphUrls;
      specs.push({ name: replicaName(name, i), bundle: bundles.get(name)!, nodeFlags: config.subgraphNodeFlags, env });
    }
  }
  for (const i of replicas) {
    const env: NodeJS.ProcessEnv = {
      ...baseEnv,
      PORT: String(port(replicaName(gatewayName, i))),
      SHEQU_SUBGRAPH_URLS: baseEnv.SHEQU_SUBGRAPH_URLS || subgraphUrls,
      // Behind nginx, which puts the client's address in X-Forwarded-For (rate limits per caller).
      TRUST_PROXY: baseEnv.TRUST_PROXY || 'true',
    };
    if (!baseEnv.SUPERGRAPH && subgraphs.includes(registryName)) {
      env.SUPERGRAPH = `http://127.0.0.1:${port(`nginx:${registryName}`)}/supergraph.graphql`;
      env.SUPERGRAPH_FALLBACK = baseEnv.SUPERGRAPH_FALLBACK || path.join(repoRoot, 'schema', 'supergraph.graphql');
      env.SUPERGRAPH_POLL_MS = baseEnv.SUPERGRAPH_POLL_MS || '2000';
    }
    specs.push({ name: replicaName(gatewayName, i), bundle: bundles.get(gatewayName)!, nodeFlags: config.gatewayNodeFlags, env });
  }
  const upstreams: Upstream[] = [
    { name: 'gateway', listen: { port: config.port }, servers: replicas.map((i) => port(replicaName(gatewayName, i))), edge: true },
    ...subgraphs.map((s) => ({
      name: `subgraph_${s}`,
      listen: { host: '127.0.0.1', port: port(`nginx:${s}`) },
      servers: replicas.map((i) => port(replicaName(s, i))),
    })),
  ];
  return { specs, upstreams, url: gatewayUrl };
}
