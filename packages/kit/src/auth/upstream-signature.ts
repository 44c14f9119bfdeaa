// Subgraphs trust only the gateway. The gateway signs every subgraph request (HMAC-SHA256 via
// @graphql-mesh/hmac-upstream-signature, with the serialiser below); a subgraph verifies the
// signature over the query, the variables, the caller's verified claims and a timestamp, so
// nobody can call a subgraph port directly, forge an identity, or replay a request for long.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

export const signatureExtension = 'hmac-signature';
export const signedAtExtension = 'signedAt';
/** Where plugin-jwt-auth forwards the verified token payload: extensions.jwt.payload. */
export const claimsExtension = 'jwt';
const maxAgeMs = 5 * 60_000;

export interface GraphQLParams {
  query?: string | null;
  variables?: Record<string, unknown> | null;
  extensions?: Record<string, unknown> | null;
}

/** The exact bytes that are signed. */
export function signedContent(params: GraphQLParams): string {
  const variables = params.variables && Object.keys(params.variables).length > 0 ? params.variables : undefined;
  return canonicalJson({
    query: params.query ?? undefined,
    variables,
    jwt: params.extensions?.[claimsExtension],
    signedAt: params.extensions?.[signedAtExtension],
  });
}

export function signContent(content: string, secret: string): string {
  return createHmac('sha256', secret).update(content).digest('base64');
}

export type SignatureCheck = { ok: true; claims: Record<string, unknown> | null } | { ok: false; reason: string };

export function verifyUpstreamSignature(params: GraphQLParams | null | undefined, secret: string, now = Date.now()): SignatureCheck {
  const signature = params?.extensions?.[signatureExtension];
  if (typeof signature !== 'string' || !params) return { ok: false, reason: 'request is not signed by the gateway' };
  const expected = Buffer.from(signContent(signedContent(params), secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'gateway signature does not match' };
  const signedAt = params.extensions?.[signedAtExtension];
  if (typeof signedAt !== 'number' || Math.abs(now - signedAt) > maxAgeMs) return { ok: false, reason: 'gateway signature has expired' };
  const jwt = params.extensions?.[claimsExtension] as { payload?: unknown } | undefined;
  const claims = jwt?.payload && typeof jwt.payload === 'object' ? (jwt.payload as Record<string, unknown>) : null;
  return { ok: true, claims };
}

/**
 * The secret the gateway signs a partner subgraph's requests with: derived from the hub's own
 * (which only the gateway, the core subgraphs and the registry hold) by the partner subgraph's
 * name and key generation. A partner knows only its own, so it can sign nothing a core subgraph
 * or another partner accepts; rotating it is a new generation.
 */
export function partnerSigningSecret(hubSecret: string, subgraph: string, generation: number): string {
  return createHmac('sha256', hubSecret).update(`shequ partner subgraph ${subgraph} key ${generation}`).digest('base64url');
}
