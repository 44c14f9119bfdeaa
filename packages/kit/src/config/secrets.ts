// The hub's keys as the environment gives them; auth/secrets.ts decides what they mean (a
// development key when unset, refusals in production).
import { defineConfig, parseConfig, type Env } from './define.js';
import { JWT_AUDIENCE, JWT_ISSUER, JWT_JWKS_URL, JWT_SECRET, NODE_ENV, SHEQU_UPSTREAM_SECRET } from './shared.js';

export interface HubSecretSettings {
  production: boolean;
  jwtSecret: string | undefined;
  jwtJwksUrl: string | undefined;
  jwtIssuer: string;
  jwtAudience: string;
  upstreamSecret: string | undefined;
}

export const secretVariables = { NODE_ENV, JWT_SECRET, JWT_JWKS_URL, JWT_ISSUER, JWT_AUDIENCE, SHEQU_UPSTREAM_SECRET };

export const secretsConfig = defineConfig({
  process: 'gateway, subgraphs, tools',
  variables: secretVariables,
  build: (v): HubSecretSettings => ({
    production: v.NODE_ENV === 'production',
    jwtSecret: v.JWT_SECRET,
    jwtJwksUrl: v.JWT_JWKS_URL,
    jwtIssuer: v.JWT_ISSUER,
    jwtAudience: v.JWT_AUDIENCE,
    upstreamSecret: v.SHEQU_UPSTREAM_SECRET,
  }),
});

export const secretSettings = (env: Env): HubSecretSettings => parseConfig(secretsConfig, env);
