import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveSecurityConfig, securityConfigFromEnv } from '../src/security-config.ts';

describe('security settings from the environment', () => {
  it('are open for development and closed for production', () => {
    const dev = securityConfigFromEnv({});
    expect(dev).toMatchObject({ production: false, introspection: true, blockFieldSuggestions: false, tracing: false });
    expect(dev.limits).toEqual({
      maxDepth: 12,
      maxAliases: 30,
      maxTokens: 3000,
      maxDirectives: 20,
      maxCost: 5000,
      defaultListSize: 10,
      maxBodyBytes: 100_000,
      batchLimit: 0,
    });
    expect(dev.rateLimit).toEqual({ perMinute: 0, burst: 120, exemptRoles: ['SERVICE'], trustProxy: false, redisUrl: undefined });

    const prod = securityConfigFromEnv({ NODE_ENV: 'production' });
    expect(prod).toMatchObject({ production: true, introspection: false, blockFieldSuggestions: true, rateLimit: { perMinute: 600 } });
    expect(securityConfigFromEnv({ NODE_ENV: 'production', ALLOW_INTROSPECTION: 'true' }).introspection).toBe(true);
  });

  it('turn trusted documents on in production only when a manifest exists, unless told otherwise', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'shequ-ops-'));
    try {
      expect(securityConfigFromEnv({ NODE_ENV: 'production', TRUSTED_DOCUMENTS_DIR: empty }).trustedDocuments.enabled).toBe(false);
      await writeFile(path.join(empty, 'app.json'), '{}');
      expect(securityConfigFromEnv({ NODE_ENV: 'production', TRUSTED_DOCUMENTS_DIR: empty }).trustedDocuments.enabled).toBe(true);
      expect(securityConfigFromEnv({ NODE_ENV: 'production', TRUSTED_DOCUMENTS_DIR: empty, TRUSTED_DOCUMENTS: 'false' }).trustedDocuments.enabled).toBe(false);
      expect(securityConfigFromEnv({ TRUSTED_DOCUMENTS_DIR: empty }).trustedDocuments.enabled).toBe(false);
      expect(securityConfigFromEnv({ TRUSTED_DOCUMENTS_DIR: empty, TRUSTED_DOCUMENTS: 'true' }).trustedDocuments.enabled).toBe(true);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('read every limit, and switch tracing on with an OTLP endpoint', () => {
    const config = securityConfigFromEnv({
      GRAPHQL_MAX_DEPTH: '8',
      GRAPHQL_MAX_COST: '900',
      GRAPHQL_BATCH_LIMIT: '5',
      RATE_LIMIT_PER_MINUTE: '0',
      RATE_LIMIT_EXEMPT_ROLES: 'SERVICE, DISTRICT_ADMIN',
      REQUEST_TIMEOUT_MS: '5000',
      METRICS_TOKEN: 'abc',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
    });
    expect(config.limits).toMatchObject({ maxDepth: 8, maxCost: 900, batchLimit: 5 });
    expect(config.rateLimit).toMatchObject({ perMinute: 0, exemptRoles: ['SERVICE', 'DISTRICT_ADMIN'] });
    expect(config).toMatchObject({ requestTimeoutMs: 5000, metrics: { enabled: true, token: 'abc' }, tracing: true });
    expect(securityConfigFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', SHEQU_TRACING: 'false' }).tracing).toBe(false);
  });

  it('refuse values that are not what they should be, naming the variable', () => {
    expect(() => securityConfigFromEnv({ GRAPHQL_MAX_DEPTH: 'deep' })).toThrow(/GRAPHQL_MAX_DEPTH must be an integer >= 1, not "deep"/);
    expect(() => securityConfigFromEnv({ GRAPHQL_MAX_BODY_BYTES: '10' })).toThrow(/GRAPHQL_MAX_BODY_BYTES must be an integer >= 1000/);
    expect(() => securityConfigFromEnv({ ALLOW_INTROSPECTION: 'maybe' })).toThrow(/ALLOW_INTROSPECTION must be true or false/);
    expect(() => securityConfigFromEnv({ CORS_ORIGINS: 'https://a.example/app' })).toThrow(/CORS_ORIGINS: "https:\/\/a.example\/app" is not an origin/);
    expect(() => securityConfigFromEnv({ CORS_ORIGINS: 'a.example' })).toThrow(/CORS_ORIGINS/);
  });

  it('read the CORS allow-list: none by default', () => {
    expect(securityConfigFromEnv({}).corsOrigins).toEqual([]);
    expect(securityConfigFromEnv({ CORS_ORIGINS: ' https://a.example, https://b.example:8443/ ,' }).corsOrigins).toEqual([
      'https://a.example',
      'https://b.example:8443',
    ]);
    expect(securityConfigFromEnv({ CORS_ORIGINS: '*' }).corsOrigins).toEqual(['*']);
  });

  it('take overrides on top, field by field', () => {
    const config = resolveSecurityConfig({ limits: { maxDepth: 3 }, rateLimit: { burst: 1 } }, {});
    expect(config.limits).toMatchObject({ maxDepth: 3, maxAliases: 30 });
    expect(config.rateLimit).toMatchObject({ burst: 1, perMinute: 0 });
  });
});
