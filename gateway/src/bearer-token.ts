// Where the gateway finds a caller's token, and what it refuses before verifying one. The JWT
// plugin's own header extractor answers a malformed header (`bearer x`, `Basic …`, garbage) and
// an undecodable token with HTTP 400 and no code; RFC 6750 and the README say 401
// `UNAUTHENTICATED`, with a `WWW-Authenticate` challenge so that clients and proxies know to
// sign in again. Tokens without an expiry are refused too: one leaked would open the hub forever.
import type { extractFromConnectionParams } from '@graphql-mesh/plugin-jwt-auth';
import { GraphQLError } from 'graphql';

type TokenExtractor = ReturnType<typeof extractFromConnectionParams>;
type Found = { token: string; prefix: string };

const challenge = 'Bearer realm="shequ", error="invalid_token"';

export function tokenRefused(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'WWW-Authenticate': challenge } } },
  });
}

/** `Authorization: Bearer <jwt>` (the scheme is case-insensitive, RFC 7235); nothing else. */
export const bearerFromHeader: TokenExtractor = ({ request }) => {
  const header = request?.headers.get('authorization');
  if (header == null) return undefined;
  const match = /^Bearer +(\S+) *$/i.exec(header);
  if (!match) throw tokenRefused('The Authorization header must be "Bearer <token>"');
  return checked(match[1]!);
};

/**
 * graphql-ws clients send `connectionParams: { authorization }` with or without the "Bearer "
 * that HTTP needs.
 */
export const bearerFromConnectionParams: TokenExtractor = ({ serverContext }) => {
  const params = (serverContext as { connectionParams?: unknown } | undefined)?.connectionParams;
  if (typeof params !== 'object' || params === null || !('authorization' in params)) return undefined;
  const value = (params as { authorization: unknown }).authorization;
  if (typeof value !== 'string') throw tokenRefused('connectionParams.authorization must be a string');
  const token = value.trim().replace(/^Bearer +/i, '');
  if (!token) throw tokenRefused('connectionParams.authorization holds no token');
  return checked(token);
};

/** Decodes (without trusting) enough of the token to refuse what no verification could accept. */
function checked(token: string): Found {
  const parts = token.split('.');
  const payload = parts.length === 3 ? decodeSegment(parts[1]!) : undefined;
  if (!payload || !decodeSegment(parts[0]!)) throw tokenRefused('The token is not a JSON Web Token');
  if (typeof payload.exp !== 'number') throw tokenRefused('The token has no expiry (exp); the hub accepts only tokens that expire');
  return { token, prefix: 'Bearer' };
}

function decodeSegment(segment: string): Record<string, unknown> | undefined {
  if (!/^[\w-]+$/.test(segment)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
