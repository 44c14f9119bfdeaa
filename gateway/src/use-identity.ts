// Who is asking, and proof to the subgraphs that the gateway asked: tokens are verified here
// (plugin-jwt-auth), their claims forwarded in the subgraph request's extensions, and the whole
// request signed (HMAC-SHA256, @shequ/kit/auth/upstream-signature) over query, operation name,
// variables and extensions: the claims, a timestamp and a one-time nonce.
// A partner agency's subgraph gets a secret of its own (derived from the hub's by the registry's
// key generation), so that what a partner holds opens no core subgraph and no other partner.
import { createSecretKey, generateKeyPairSync } from 'node:crypto';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { type createInlineSigningKeyProvider, createRemoteJwksSigningKeyProvider, useJWT } from '@graphql-mesh/plugin-jwt-auth';
import { defaultPrintFn } from '@graphql-tools/executor-common';
import type { HubSecrets } from '@shequ/kit/auth/secrets';
import { claimsExtension, partnerSigningSecret, signRequest } from '@shequ/kit/auth/upstream-signature';
import type { PartnerKeys } from '@shequ/kit/federation/partner-keys';
import { claimsProblem } from '@shequ/kit/auth/role-claims';
import { bearerFromConnectionParams, bearerFromHeader, tokenRefused } from './bearer-token.ts';

/**
 * The shared HS256 secret as a KeyObject, made once. Given the secret as a string (what
 * createInlineSigningKeyProvider hands on), jsonwebtoken first tries it as a public key on every
 * verification, which throws, and only then makes a secret key of it: about 1 ms of CPU per request
 * (5 % of the gateway's busy time under ballot intake, measured with --cpu-prof).
 */
function hmacKeyProvider(secret: string): ReturnType<typeof createInlineSigningKeyProvider> {
  const key = createSecretKey(Buffer.from(secret));
  // The plugin passes the key through to jsonwebtoken.verify, which takes a KeyObject as it is.
  return () => key as unknown as string;
}

/** `partnerKeys`: the partner subgraphs of the supergraph in use, with their key generations. */
export function identityPlugins(secrets: Pick<HubSecrets, 'jwt' | 'upstreamSecret'>, partnerKeys: () => PartnerKeys = () => new Map()): GatewayPlugin[] {
  const { jwt } = secrets;
  const jwtPlugin = useJWT({
    signingKeyProviders: [
      jwt.kind === 'secret'
        ? hmacKeyProvider(jwt.secret)
        : unknownKeysRefused(createRemoteJwksSigningKeyProvider({ jwksUri: jwt.url, cache: true, rateLimit: true })),
    ],
    tokenLookupLocations: [bearerFromHeader, bearerFromConnectionParams],
    tokenVerification: {
      algorithms: jwt.kind === 'secret' ? ['HS256'] : ['RS256', 'ES256'],
      issuer: jwt.issuer,
      audience: jwt.audience,
    },
    // Anonymous callers may read public data; a token that is present must be valid.
    reject: { missingToken: false, invalidToken: true },
    forward: { payload: true, token: false, extensionsFieldName: claimsExtension },
  }) as GatewayPlugin;

  // A verified token whose role lacks the claims it acts through (a representative without a
  // community, say) would be read as a weaker caller by some rules and not by others: refused.
  const completeClaims: GatewayPlugin = {
    onContextBuilding({ context }) {
      const payload = (context as { jwt?: { payload?: Record<string, unknown> } }).jwt?.payload;
      if (!payload) return;
      const problem = claimsProblem(payload);
      if (problem) throw tokenRefused(`The token's claims do not fit its role: ${problem}`);
    },
  };

  // One key for the core subgraphs; partners' keys change with the supergraph.
  const partnerSecrets = new Map<string, string>();
  const secretFor = (subgraphName: string) => {
    const generation = partnerKeys().get(subgraphName);
    if (generation === undefined) return secrets.upstreamSecret;
    const id = `${subgraphName}#${generation}`;
    let secret = partnerSecrets.get(id);
    if (!secret) partnerSecrets.set(id, (secret = partnerSigningSecret(secrets.upstreamSecret, subgraphName, generation)));
    return secret;
  };
  const sign: GatewayPlugin = {
    onSubgraphExecute({ subgraphName, executionRequest }) {
      const secret = secretFor(subgraphName);
      const params = {
        query: defaultPrintFn(executionRequest.document),
        operationName: executionRequest.operationName,
        variables: executionRequest.variables,
        extensions: executionRequest.extensions,
      };
      executionRequest.extensions = signedOnEverySend(() => signRequest(params, secret));
    },
  };

  // Order matters: claims are checked and forwarded before the request is signed, and nothing may change it after.
  return [jwtPlugin, completeClaims, sign];
}

/**
 * Signed extensions that sign themselves again each time they are serialised after the first:
 * graphql-ws sends the same payload object again when it reconnects to a subgraph and
 * resubscribes, and a subgraph runs each nonce once (and each timestamp for 5 minutes only).
 */
function signedOnEverySend(sign: () => Record<string, unknown>): Record<string, unknown> {
  const first = sign();
  let sent = false;
  return Object.defineProperty(first, 'toJSON', {
    enumerable: false,
    value: () => {
      if (sent) return sign();
      sent = true;
      return { ...first };
    },
  });
}

type SigningKeyProvider = ReturnType<typeof createRemoteJwksSigningKeyProvider>;

/**
 * A token naming a key the identity provider does not publish (or none) is a bad token: 401. The
 * JWT plugin turns any key-lookup failure into "Authentication is not available" (a server error),
 * so such tokens get a key that verifies nothing. A JWKS endpoint that cannot be reached still is
 * a server error.
 */
function unknownKeysRefused(provider: SigningKeyProvider): SigningKeyProvider {
  const verifiesNothing = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return async (kid) => {
    try {
      return await provider(kid);
    } catch (error) {
      const name = (error as Error | undefined)?.name;
      if (name === 'SigningKeyNotFoundError' || name === 'JwksRateLimitError') return verifiesNothing;
      throw error;
    }
  };
}
