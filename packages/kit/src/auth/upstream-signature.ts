// Subgraphs trust only the gateway. The gateway signs every subgraph request (HMAC-SHA256 over
// the serialisation below); a subgraph verifies the signature over the query, the operation
// name, the variables and every extension (the caller's verified claims, a timestamp and a
// one-time nonce among them), so nobody can call a subgraph port directly, forge an identity,
// change what a signed request asks, or run it again: the timestamp bounds how long a nonce
// must be remembered, the nonce store (./nonce-store.ts) refuses it the second time.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

export const signatureExtension = 'hmac-signature';
export const signedAtExtension = 'signedAt';
export const nonceExtension = 'nonce';
/** Where plugin-jwt-auth forwards the verified token payload: extensions.jwt.payload. */
export const claimsExtension = 'jwt';
/** How long a signature is good for, either side of its timestamp (clocks differ a little). */
export const signatureMaxAgeMs = 5 * 60_000;

export interface GraphQLParams {
  query?: string | null;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  extensions?: Record<string, unknown> | null;
}

/**
 * The exact bytes that are signed: everything a subgraph acts on but the signature itself.
 * Empty variables and extensions count as absent, as the gateway's transports leave them out.
 */
export function signedContent(params: GraphQLParams): string {
  const variables = params.variables && Object.keys(params.variables).length > 0 ? params.variables : undefined;
  const { [signatureExtension]: _signature, ...rest } = params.extensions ?? {};
  const extensions = Object.keys(rest).length > 0 ? rest : undefined;
  return canonicalJson({ query: params.query ?? undefined, operationName: params.operationName || undefined, variables, extensions });
}

export function signContent(content: string, secret: string): string {
  return createHmac('sha256', secret).update(content).digest('base64');
}

/**
 * The extensions of a request as the gateway sends it: `params.extensions` (the caller's claims)
 * plus a timestamp, a fresh nonce and the signature over all of it. Each call is a new request.
 */
export function signRequest(params: GraphQLParams, secret: string, now = Date.now()): Record<string, unknown> {
  const { [signatureExtension]: _stale, ...extensions } = params.extensions ?? {};
  extensions[signedAtExtension] = now;
  extensions[nonceExtension] = randomBytes(18).toString('base64url');
  return { ...extensions, [signatureExtension]: signContent(signedContent({ ...params, extensions }), secret) };
}

export type SignatureCheck = { ok: true; claims: Record<string, unknown> | null; nonce: string; expiresAt: number } | { ok: false; reason: string };

const validNonce = (value: unknown): value is string => typeof value === 'string' && value.length >= 16 && value.length <= 128;

/** Signature, age and the presence of a nonce; whether the nonce is new is the nonce store's to say. */
export function verifyUpstreamSignature(params: GraphQLParams | null | undefined, secret: string, now = Date.now()): SignatureCheck {
  const signature = params?.extensions?.[signatureExtension];
  if (typeof signature !== 'string' || !params) return { ok: false, reason: 'request is not signed by the gateway' };
  const expected = Buffer.from(signContent(signedContent(params), secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'gateway signature does not match' };
  // Read only after the signature matched, so that only the gateway's own values are believed.
  const signedAt = params.extensions?.[signedAtExtension];
  if (typeof signedAt !== 'number' || Math.abs(now - signedAt) > signatureMaxAgeMs) return { ok: false, reason: 'gateway signature has expired' };
  const nonce = params.extensions?.[nonceExtension];
  if (!validNonce(nonce)) return { ok: false, reason: 'gateway request carries no nonce' };
  const jwt = params.extensions?.[claimsExtension] as { payload?: unknown } | undefined;
  const claims = jwt?.payload && typeof jwt.payload === 'object' ? (jwt.payload as Record<string, unknown>) : null;
  return { ok: true, claims, nonce, expiresAt: signedAt + signatureMaxAgeMs };
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
