// The bearer token: the caller's own (--token, SHEQU_TOKEN; a partner agency uses its PARTNER
// token), or else a short-lived DISTRICT_ADMIN token minted from the hub's secrets the way
// `npm run token` does, which only works where those secrets are (the hub's machine).
import { ConfigError } from '@shequ/kit/config/problems';
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { loadHubSecrets, SecretsConfigError } from '@shequ/kit/auth/secrets';
import { issueToken } from '@shequ/kit/auth/tokens';
import type { Connection } from './args.ts';
import { CliError } from './client.ts';

export interface TokenSource {
  token: string;
  /** Said when the gateway rejects it, so the user knows which key to suspect. */
  origin: string;
}

const askForToken = 'pass --token <jwt> or set SHEQU_TOKEN (npm run token -- --role DISTRICT_ADMIN prints one)';

export async function resolveToken(given: Connection['token'], env: NodeJS.ProcessEnv, dataDir: string): Promise<TokenSource> {
  if (given) return { token: given.value, origin: `the token from ${given.from}` };
  const developmentKeyFile = path.join(dataDir, 'dev-keys.json');
  // loadHubSecrets would create a fresh development key, which no running hub knows: its tokens
  // would be rejected with a puzzling UNAUTHENTICATED.
  if (env.NODE_ENV !== 'production' && !env.JWT_SECRET && !env.JWT_JWKS_URL && !existsSync(developmentKeyFile)) {
    throw new CliError(
      `no token, and the hub's secrets cannot be loaded: no JWT_SECRET and no development key at ${developmentKeyFile} (a hub started with SHEQU_DATA_DIR keeps it there); ${askForToken}`,
    );
  }
  let secrets: ReturnType<typeof loadHubSecrets>;
  try {
    secrets = loadHubSecrets(env, dataDir);
  } catch (error) {
    if (error instanceof SecretsConfigError || error instanceof ConfigError)
      throw new CliError(`no token, and the hub's secrets cannot be loaded: ${error.message}; ${askForToken}`);
    throw error;
  }
  if (secrets.jwt.kind !== 'secret') {
    throw new CliError(
      `no token: the hub trusts the identity provider at JWT_JWKS_URL (${secrets.jwt.url}), whose keys this script does not hold; ${askForToken}`,
    );
  }
  const token = await issueToken({ role: 'DISTRICT_ADMIN', sub: `subgraph-cli:${localUser()}` }, secrets.jwt.secret, {
    issuer: secrets.jwt.issuer,
    audience: secrets.jwt.audience,
    expiresIn: '10m',
  });
  return {
    token,
    origin: secrets.development
      ? `a DISTRICT_ADMIN token minted with the development key in ${secrets.developmentKeyFile}`
      : 'a DISTRICT_ADMIN token minted with JWT_SECRET',
  };
}

// The registry records `role:subject` as the actor of each version: a name beats "user".
function localUser(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}
