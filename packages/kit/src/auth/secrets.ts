// The hub's keys: how callers' tokens are verified and how the gateway signs subgraph requests.
// Without configuration a development key pair is created in .data/ (never in production).
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

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

export function loadHubSecrets(env: NodeJS.ProcessEnv, dataRoot: string): HubSecrets {
  const developmentKeyFile = path.join(dataRoot, 'dev-keys.json');
  const production = env.NODE_ENV === 'production';
  const issuer = env.JWT_ISSUER ?? 'shequ';
  const audience = env.JWT_AUDIENCE ?? 'shequ';
  const configured = Boolean((env.JWT_SECRET || env.JWT_JWKS_URL) && env.SHEQU_UPSTREAM_SECRET);
  if (production && !configured) {
    throw new SecretsConfigError('NODE_ENV=production needs JWT_SECRET (HS256) or JWT_JWKS_URL (RS256/ES256), and SHEQU_UPSTREAM_SECRET; refusing to use a development key');
  }
  const dev = configured && !production ? null : production ? null : developmentKeys(developmentKeyFile);
  const jwtSecret = env.JWT_SECRET ?? dev?.jwtSecret;
  const upstreamSecret = env.SHEQU_UPSTREAM_SECRET ?? dev?.upstreamSecret;
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
  for (const [name, value] of [['JWT_SECRET', jwtSecret], ['SHEQU_UPSTREAM_SECRET', upstreamSecret]] as const) {
    if (value !== undefined && value.length < 32 && !env.JWT_JWKS_URL) throw new SecretsConfigError(`${name} must be at least 32 characters`);
  }
  const jwt: JwtVerification = env.JWT_JWKS_URL
    ? { kind: 'jwks', url: env.JWT_JWKS_URL, issuer, audience }
    : { kind: 'secret', secret: jwtSecret!, issuer, audience };
  return { jwt, upstreamSecret: upstreamSecret!, development: dev !== null, developmentKeyFile };
}
