// Proof that a request comes from the hub's gateway. The gateway signs what it sends with the
// secret the district issued to this partner: HMAC-SHA256 over the query, the operation name,
// the variables and the extensions (the caller's verified claims, a timestamp and a one-time
// nonce). Nothing but Node's standard library, so a partner can copy this file into any stack;
// it mirrors the hub's own serialiser byte for byte.
import { createHmac, timingSafeEqual } from 'node:crypto';

const maxAgeMs = 5 * 60_000;

/** JSON with object keys sorted at every depth, so both ends serialise alike. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The body of a GraphQL POST, as parsed; nothing in it is trusted yet. */
export interface GraphQLBody {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: Record<string, unknown> | null;
}

/** The exact bytes the gateway signs: everything but the signature; empty variables and extensions count as absent. */
export function signedContent(body: GraphQLBody): string {
  const variables = body.variables && Object.keys(body.variables).length > 0 ? body.variables : undefined;
  const { 'hmac-signature': _signature, ...rest } = body.extensions ?? {};
  const extensions = Object.keys(rest).length > 0 ? rest : undefined;
  return canonicalJson({ query: body.query ?? undefined, operationName: body.operationName || undefined, variables, extensions });
}

export type GatewayCheck = { ok: true; claims: Record<string, unknown> | null; nonce: string; expiresAt: number } | { ok: false; reason: string };

/** Claims are null for an anonymous caller; they are trustworthy only when `ok`. */
export function verifyGatewaySignature(body: GraphQLBody | null | undefined, secret: string, now = Date.now()): GatewayCheck {
  const signature = body?.extensions?.['hmac-signature'];
  if (!body || typeof signature !== 'string') return { ok: false, reason: 'request is not signed by the gateway' };
  const expected = Buffer.from(createHmac('sha256', secret).update(signedContent(body)).digest('base64'));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'gateway signature does not match' };
  // Checked after the signature, so that only the gateway's own timestamps are believed.
  const signedAt = body.extensions?.signedAt;
  if (typeof signedAt !== 'number' || Math.abs(now - signedAt) > maxAgeMs) return { ok: false, reason: 'gateway signature has expired' };
  const nonce = body.extensions?.nonce;
  if (typeof nonce !== 'string' || nonce.length < 16 || nonce.length > 128) return { ok: false, reason: 'gateway request carries no nonce' };
  const payload = (body.extensions?.jwt as { payload?: unknown } | undefined)?.payload;
  return { ok: true, claims: payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : null, nonce, expiresAt: signedAt + maxAgeMs };
}

/**
 * Each signed request runs once: a captured request sent again within its 5 minutes is refused.
 * Nonces are kept until their signature expires, so memory holds one window of requests. With
 * several replicas, keep them in a store all replicas share (the hub uses Redis SET NX PX).
 */
export function onceOnly(now: () => number = Date.now): (check: { nonce: string; expiresAt: number }) => boolean {
  const seen = new Map<string, number>();
  let lastSweep = now();
  return ({ nonce, expiresAt }) => {
    const at = now();
    if (at - lastSweep > 15_000) {
      for (const [n, until] of seen) if (until <= at) seen.delete(n);
      lastSweep = at;
    }
    const known = seen.get(nonce);
    if (known !== undefined && known > at) return false;
    seen.set(nonce, expiresAt);
    return true;
  };
}
