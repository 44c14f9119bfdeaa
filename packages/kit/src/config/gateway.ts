// The gateway process's configuration: everything gateway/src/main.ts reads, parsed once at start
// and passed down (server → createGateway → plugins).
import { defineConfig, parseConfig, variables, type Env } from './define.js';
import { buildSecurity, securityVariables, type SecurityConfig } from './gateway-security.js';
import { duration, port, text, type LogLevel } from './kinds.js';
import { dataDirOf, logLevelOf } from './process.js';
import { secretsConfig, secretVariables, type HubSecretSettings } from './secrets.js';
import { LOG_LEVEL, QUERY_PLANNER, SHEQU_DATA_DIR, SHEQU_LOG_LEVEL, SHEQU_SUBGRAPH_URLS } from './shared.js';
import { inRepo } from './repo-root.js';
import { describe, withDefault } from './variable.js';

export interface GatewayConfig {
  port: number;
  /** File or URL; undefined: `<repo>/schema/supergraph.graphql`. */
  supergraph: string | undefined;
  supergraphFallback: string | undefined;
  /** Undefined: 1 s for a file, 10 s for a URL. */
  pollIntervalMs: number | undefined;
  /** Undefined when SHEQU_SUBGRAPH_URLS names none. */
  subgraphUrls: Record<string, string> | undefined;
  queryPlanner: 'rust' | 'js';
  dashboardDir: string;
  security: SecurityConfig;
  secrets: HubSecretSettings;
  dataDir: string;
  logLevel: LogLevel;
}

export const gatewayVariables = variables(variables(securityVariables, secretVariables), {
  PORT: describe(withDefault(port({ expected: '0-65535' }), 4000), { description: "the gateway's port (0: a free one)", default: '4000' }),
  SUPERGRAPH: describe(text(), {
    description: "supergraph file or URL to serve and watch (`npm start`: the registry's)",
    default: '`schema/supergraph.graphql`',
  }),
  SUPERGRAPH_FALLBACK: describe(text(), { description: 'supergraph file served while the `SUPERGRAPH` URL has not answered yet' }),
  SUPERGRAPH_POLL_MS: describe(duration({ min: 100 }), {
    description: 'how often `SUPERGRAPH` is looked at, in milliseconds',
    default: '1000 for a file, 10000 for a URL',
  }),
  SHEQU_SUBGRAPH_URLS,
  QUERY_PLANNER,
  DASHBOARD_DIR: describe(text(), { description: 'the built dashboard served at `/`', default: '`dashboard/dist`' }),
  SHEQU_DATA_DIR,
  LOG_LEVEL,
  SHEQU_LOG_LEVEL,
});

export const gatewayConfig = defineConfig({
  process: 'gateway',
  variables: gatewayVariables,
  build: (v): GatewayConfig => {
    const urls = v.SHEQU_SUBGRAPH_URLS;
    return {
      port: v.PORT,
      supergraph: v.SUPERGRAPH,
      supergraphFallback: v.SUPERGRAPH_FALLBACK,
      pollIntervalMs: v.SUPERGRAPH_POLL_MS,
      subgraphUrls: urls && urls.size > 0 ? Object.fromEntries(urls) : undefined,
      queryPlanner: v.QUERY_PLANNER,
      dashboardDir: v.DASHBOARD_DIR ?? inRepo('dashboard', 'dist'),
      security: buildSecurity(v),
      secrets: secretsConfig.build(v),
      dataDir: dataDirOf(v),
      logLevel: logLevelOf(v),
    };
  },
});

export const loadGatewayConfig = (env: Env): GatewayConfig => parseConfig(gatewayConfig, env);

/** This process's gateway configuration, for a gateway created without one (tests, benchmarks). */
export const gatewayConfigOfProcess = (): GatewayConfig => loadGatewayConfig(process.env);
