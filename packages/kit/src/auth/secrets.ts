// The hub's keys: how callers' tokens are verified and how the gateway signs subgraph requests.
// Without configuration a development key pair is created in .data/ (never in production).
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Env } from '../config/define.js';
import { secretSettings, type HubSecretSettings } from '../config/secrets.js';

export type JwtVerification =
  | { kind: 'secret'; secret: string; issuer: string; audience: string }
  | { kind: 'jwks'; url: string; issuer: string; audience: string };

export interface HubSecrets {
  jwt: JwtVerification;
  /** Shared by the gateway (signs) and the subgraphs (verify). */
  upstreamSecret: string;
  /** The development key from .data/ is in use. */
  development: boolean;
  developmentKeyFile: string;
}

export class SecretsConfigError extends Error {
  override name = 'SecretsConfigError';
}

interface DevKeys {
  jwtSecret: string;
  upstreamSecret: string;
}

function developmentKeys(file: string): DevKeys {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as DevKeys;
  } catch {
    const keys: DevKeys = { jwtSecret: randomBytes(32).toString('base64url'), upstreamSecret: randomBytes(32).toString('base64url') };
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      // 'wx': several processes start at once; the first one writes, the others read its keys.
      writeFileSync(file, JSON.stringify(keys, null, 2), { flag: 'wx', mode: 0o600 });
      return keys;
    } catch {
      return JSON.parse(readFileSync(file, 'utf8')) as DevKeys;
    }
  }
}

/** The hub's keys from the environment, for tools that have no parsed configuration of their own. */
export function loadHubSecrets(env: Env, dataRoot: string): HubSecrets {
  return hubSecrets(secretSettings(env), dataRoot);
}

/** The hub's keys from the parsed settings (config/secrets.ts): a development key when unset, refusals in production. */
export function hubSecrets(settings: HubSecretSettings, dataRoot: string): HubSecrets {
  const developmentKeyFile = path.join(dataRoot, 'dev-keys.json');
  const { production, jwtIssuer: issuer, jwtAudience: audience, jwtJwksUrl } = settings;
  const configured = Boolean((settings.jwtSecret || jwtJwksUrl) && settings.upstreamSecret);
  if (production && !configured) {
    throw new SecretsConfigError(
      'NODE_ENV=production needs JWT_SECRET (HS256) or JWT_JWKS_URL (RS256/ES256), and SHEQU_UPSTREAM_SECRET; refusing to use a development key',
    );
  }
  const dev = configured && !production ? null : production ? null : developmentKeys(developmentKeyFile);
  const jwtSecret = settings.jwtSecret ?? dev?.jwtSecret;
  const upstreamSecret = settings.upstreamSecret ?? dev?.upstreamSecret;
  if (production) {
    let devKeys: DevKeys | null = null;
    try {
      devKeys = JSON.parse(readFileSync(developmentKeyFile, 'utf8')) as DevKeys;
    } catch {
      // no development key on this machine
    }
    if (devKeys && (jwtSecret === devKeys.jwtSecret || upstreamSecret === devKeys.upstreamSecret)) {
      throw new SecretsConfigError(`NODE_ENV=production refuses the development key from ${developmentKeyFile}`);
    }
  }
  for (const [name, value] of [
    ['JWT_SECRET', jwtSecret],
    ['SHEQU_UPSTREAM_SECRET', upstreamSecret],
  ] as const) {
    if (value !== undefined && value.length < 32 && !jwtJwksUrl) throw new SecretsConfigError(`${name} must be at least 32 characters`);
  }
  const jwt: JwtVerification = jwtJwksUrl ? { kind: 'jwks', url: jwtJwksUrl, issuer, audience } : { kind: 'secret', secret: jwtSecret!, issuer, audience };
  return { jwt, upstreamSecret: upstreamSecret!, development: dev !== null, developmentKeyFile };
}
