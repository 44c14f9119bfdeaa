// Every limit and switch of the gateway's security layer (README "Security"). The variables, their
// defaults and their parsing are the kit's gateway schema (packages/kit/src/config/
// gateway-security.ts); this module keeps the gateway's names for them and layers a caller's (a
// test's) overrides on top.
import { parseConfig, type Env } from '@shequ/kit/config/define';
import { DEFAULT_OPERATIONS_DIR, securityConfig, type OperationLimits, type SecurityConfig } from '@shequ/kit/config/gateway-security';

export { DEFAULT_OPERATIONS_DIR, type OperationLimits, type SecurityConfig };

export type SecurityOverrides = Partial<Omit<SecurityConfig, 'limits' | 'rateLimit' | 'trustedDocuments' | 'metrics' | 'responseCache'>> & {
  limits?: Partial<OperationLimits>;
  rateLimit?: Partial<SecurityConfig['rateLimit']>;
  trustedDocuments?: Partial<SecurityConfig['trustedDocuments']>;
  metrics?: Partial<SecurityConfig['metrics']>;
  responseCache?: Partial<SecurityConfig['responseCache']>;
};

/** A setting the gateway cannot start with that only shows once it is used (an empty manifest). */
export class SecurityConfigError extends Error {
  override name = 'SecurityConfigError';
}

/** The security settings of an environment; a ConfigError lists every bad variable. */
export function securityConfigFromEnv(env: Env): SecurityConfig {
  return parseConfig(securityConfig, env);
}

/** An environment's configuration with a caller's (a test's) overrides on top. */
export function resolveSecurityConfig(overrides: SecurityOverrides, env: Env): SecurityConfig {
  return withSecurityOverrides(securityConfigFromEnv(env), overrides);
}

/** `base` with `overrides` on top, field by field. */
export function withSecurityOverrides(base: SecurityConfig, overrides: SecurityOverrides = {}): SecurityConfig {
  return {
    ...base,
    ...overrides,
    limits: { ...base.limits, ...overrides.limits },
    rateLimit: { ...base.rateLimit, ...overrides.rateLimit },
    trustedDocuments: { ...base.trustedDocuments, ...overrides.trustedDocuments },
    metrics: { ...base.metrics, ...overrides.metrics },
    responseCache: { ...base.responseCache, ...overrides.responseCache },
  };
}
