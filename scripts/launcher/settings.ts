// The launcher's environment, read once and strictly: a typo in a knob is one clear line at start,
// not a hub that quietly does something else.
import type { Env } from '@shequ/kit/config/define';
import { ConfigError } from '@shequ/kit/config/problems';
import { loadStartConfig, type StartConfig } from '@shequ/kit/config/start';
import { restartPolicyFrom, type RestartPolicy } from './policy.js';

export interface LauncherSettings {
  /** The services to start, subgraphs first (in the order given by `known`), the gateway last. */
  services: string[];
  /** `fixed`: subgraphs on their own ports, the gateway on PORT (4000); `free`: the launcher picks free ports. */
  ports: 'fixed' | 'free';
  gatewayPort: number;
  restart: RestartPolicy;
  readyTimeoutMs: number;
  subgraphNodeFlags: string[];
  /** E.g. a heap limit for a gateway that holds many thousands of subscriptions, or a profiler. */
  gatewayNodeFlags: string[];
  /** Where the services' bundles go (inside the repository: they load node_modules from there). */
  buildDir: string;
  /** No DATABASE_URL: the subgraphs run embedded PGlite databases in `dataDir`. */
  embeddedDatabases: boolean;
  dataDir: string;
}

/** A configuration mistake of `npm start`'s own variables; its message has one line per problem. */
export class SettingsError extends Error {}

export const gatewayName = 'gateway';

/** The launcher's settings from its environment, parsed by the kit's schema (config/start.ts). */
export function readSettings(env: Env, subgraphs: string[], repoRoot: string): LauncherSettings {
  let config: StartConfig;
  try {
    config = loadStartConfig(env, [...subgraphs, gatewayName], repoRoot);
  } catch (error) {
    if (error instanceof ConfigError) throw new SettingsError(error.message);
    throw error;
  }
  return {
    services: config.services,
    ports: config.ports,
    gatewayPort: config.gatewayPort,
    restart: restartPolicyFrom(config),
    readyTimeoutMs: config.readyTimeoutMs,
    subgraphNodeFlags: config.subgraphNodeFlags,
    gatewayNodeFlags: config.gatewayNodeFlags,
    buildDir: config.buildDir,
    embeddedDatabases: !config.databaseUrl,
    dataDir: config.dataDir,
  };
}
