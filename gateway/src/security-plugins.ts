// The gateway's guards in the order they act on a request: deadline, rate limit, content type,
// body size, NUL characters, trusted documents, integer range, operation limits, the cost limit's
// answer; then the request log.
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { Logger } from '@shequ/kit/logger';
import { SecurityConfigError, type SecurityConfig } from './security-config.ts';
import type { TrustedDocuments } from './trusted-documents.ts';
import { PERSISTED_QUERY_NOT_FOUND } from './persisted-documents.ts';
import { PAYLOAD_TOO_LARGE, useBodyLimit } from './use-body-limit.ts';
import { UNSUPPORTED_MEDIA_TYPE, useContentType } from './use-content-type.ts';
import { useKnownOperationTypes } from './use-known-operation-types.ts';
import { useIntegerRange } from './use-integer-range.ts';
import { useNulGuard } from './use-nul-guard.ts';
import { useCostLimit } from './use-cost-limit.ts';
import { LIMIT_EXCEEDED, useOperationLimits } from './use-operation-limits.ts';
import { RATE_LIMITED, useRateLimit } from './use-rate-limit.ts';
import { useRequestLog } from './use-request-log.ts';
import { REQUEST_TIMEOUT, useRequestTimeout } from './use-request-timeout.ts';
import { OPERATION_NOT_TRUSTED, useTrustedDocuments } from './use-trusted-documents.ts';

/** What these guards answer with; the error masker lets them through. GATEWAY_TIMEOUT is the runtime's upstream timeout. */
export const SECURITY_ERROR_CODES = [
  RATE_LIMITED,
  LIMIT_EXCEEDED,
  OPERATION_NOT_TRUSTED,
  PERSISTED_QUERY_NOT_FOUND,
  REQUEST_TIMEOUT,
  PAYLOAD_TOO_LARGE,
  UNSUPPORTED_MEDIA_TYPE,
  'GATEWAY_TIMEOUT',
];

/** `manifest`: the trusted documents, also served by hash through the runtime (persisted-documents.ts). */
export function securityPlugins(security: SecurityConfig, log: Logger, manifest: TrustedDocuments): GatewayPlugin[] {
  const { limits, trustedDocuments } = security;
  if (trustedDocuments.enabled && manifest.size === 0) {
    throw new SecurityConfigError(`TRUSTED_DOCUMENTS is on but ${trustedDocuments.dir} holds no operations: every request would be refused`);
  }
  log.info(
    {
      trustedDocuments: trustedDocuments.enabled ? `${manifest.size} operations` : false,
      introspection: security.introspection,
      rateLimitPerMinute: security.rateLimit.perMinute,
      rateLimitStore: security.rateLimit.perMinute === 0 ? null : security.rateLimit.redisUrl ? 'redis' : 'memory',
      limits,
      tracing: security.tracing,
    },
    'security settings',
  );
  return [
    useRequestTimeout(security.requestTimeoutMs),
    useRateLimit(security.rateLimit, log),
    useContentType(),
    useBodyLimit(limits.maxBodyBytes),
    useNulGuard(),
    ...(trustedDocuments.enabled ? [useTrustedDocuments(manifest, { bypassRoles: trustedDocuments.bypassRoles, maxTokens: limits.maxTokens })] : []),
    useKnownOperationTypes(),
    useIntegerRange(),
    ...useOperationLimits(limits, { blockFieldSuggestions: security.blockFieldSuggestions }),
    useCostLimit(),
    useRequestLog(),
  ];
}
