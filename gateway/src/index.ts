export { composeSupergraph, validateSupergraph, type SubgraphSource as SubgraphDefinition, type SupergraphSubgraph } from '@shequ/kit/federation/supergraph';
export {
  createGateway,
  type Gateway,
  type GatewayOptions,
  type GatewayPlugins,
  type QueryPlanner,
  type RuntimeOverrides,
} from './create-gateway.ts';
export { createErrorMasker, type MaskErrorOptions } from './mask-errors.ts';
export {
  DEFAULT_OPERATIONS_DIR,
  resolveSecurityConfig,
  securityConfigFromEnv,
  withSecurityOverrides,
  SecurityConfigError,
  type OperationLimits,
  type SecurityConfig,
  type SecurityOverrides,
} from './security-config.ts';
export { startGatewayServer, type GatewayServer, type GatewayServerOptions } from './server.ts';
export { subgraphUnavailable, useSubgraphAvailability } from './subgraph-availability.ts';
export {
  createSupergraphSource,
  DEFAULT_SUPERGRAPH_PATH,
  type SupergraphSource,
  type SupergraphSourceOptions,
} from './supergraph-source.ts';
export { loadTrustedDocuments, sha256, type TrustedDocuments } from './trusted-documents.ts';
