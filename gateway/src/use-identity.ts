// Who is asking, and proof to the subgraphs that the gateway asked: tokens are verified here
// (plugin-jwt-auth), their claims forwarded in the subgraph request's extensions, and the whole
// request signed (hmac-upstream-signature) over query, variables, claims and a timestamp.
import { generateKeyPairSync } from 'node:crypto';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { useHmacUpstreamSignature } from '@graphql-mesh/hmac-upstream-signature';
import {
  createInlineSigningKeyProvider,
  createRemoteJwksSigningKeyProvider,
  extractFromConnectionParams,
  extractFromHeader,
  useJWT,
} from '@graphql-mesh/plugin-jwt-auth';
import { defaultPrintFn } from '@graphql-tools/executor-common';
import type { HubSecrets } from '@shequ/kit/auth/secrets';
import { claimsExtension, signatureExtension, signedAtExtension, signedContent } from '@shequ/kit/auth/upstream-signature';

export function identityPlugins(secrets: Pick<HubSecrets, 'jwt' | 'upstreamSecret'>): GatewayPlugin[] {
  const { jwt } = secrets;
  const jwtPlugin = useJWT({
    signingKeyProviders: [
      jwt.kind === 'secret'
        ? createInlineSigningKeyProvider(jwt.secret)
        : unknownKeysRefused(createRemoteJwksSigningKeyProvider({ jwksUri: jwt.url, cache: true, rateLimit: true })),
    ],
    tokenLookupLocations: [extractFromHeader({ name: 'authorization', prefix: 'Bearer' }), bearerOrBare(extractFromConnectionParams({ name: 'authorization' }))],
    tokenVerification: {
      algorithms: jwt.kind === 'secret' ? ['HS256'] : ['RS256', 'ES256'],
      issuer: jwt.issuer,
      audience: jwt.audience,
    },
    // Anonymous callers may read public data; a token that is present must be valid.
    reject: { missingToken: false, invalidToken: true },
    forward: { payload: true, token: false, extensionsFieldName: claimsExtension },
  }) as GatewayPlugin;

  const stamp: GatewayPlugin = {
    onSubgraphExecute({ executionRequest }) {
      executionRequest.extensions = { ...executionRequest.extensions, [signedAtExtension]: Date.now() };
    },
  };

  const sign = useHmacUpstreamSignature({
    secret: secrets.upstreamSecret,
    extensionName: signatureExtension,
    serializeExecutionRequest: (request) =>
      signedContent({ query: defaultPrintFn(request.document), variables: request.variables, extensions: request.extensions }),
  }) as GatewayPlugin;

  // Order matters: claims are forwarded and the request stamped before it is signed.
  return [jwtPlugin, stamp, sign];
}

type TokenExtractor = ReturnType<typeof extractFromConnectionParams>;

/**
 * graphql-ws clients send `connectionParams: { authorization }` with or without the "Bearer "
 * that HTTP needs; the plugin's extractor keeps the prefix, which then fails verification.
 */
function bearerOrBare(extract: TokenExtractor): TokenExtractor {
  return async (params) => {
    const found = await extract(params);
    if (!found) return found;
    const match = /^Bearer\s+(.+)$/i.exec(found.token.trim());
    return match ? { token: match[1]!, prefix: 'Bearer' } : found;
  };
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
