// The one check every subgraph request goes through, over HTTP and graphql-ws alike: signed by
// the gateway, not expired, and not seen before.
import type { NonceStore } from './nonce-store.js';
import { verifyUpstreamSignature, type GraphQLParams } from './upstream-signature.js';

export type GatewayRequestCheck = { ok: true; claims: Record<string, unknown> | null } | { ok: false; reason: string; message: string };

const notFromTheGateway = 'Subgraphs answer only the gateway';
const replayed = 'Replayed gateway request: each signed request runs once';

export function gatewayRequestCheck(secret: string, nonces: NonceStore): (params: GraphQLParams | null | undefined) => Promise<GatewayRequestCheck> {
  return async (params) => {
    const check = verifyUpstreamSignature(params, secret);
    if (!check.ok) return { ok: false, reason: check.reason, message: notFromTheGateway };
    // Claimed only once the signature is good: nobody fills the store with nonces of their own.
    if (!(await nonces.claim(check.nonce, check.expiresAt))) return { ok: false, reason: 'replayed gateway request', message: replayed };
    return { ok: true, claims: check.claims };
  };
}
