// Which other web origins may call the hub from a browser: only those in CORS_ORIGINS. The
// runtime's default answers every origin with its own name and Allow-Credentials, i.e. any site a
// signed-in user visits could read the hub's answers as that user. Credentials are never allowed:
// callers authenticate with an Authorization header, which CORS allows as a header instead. The
// dashboard at `/` is the same origin and needs no CORS at all.
import type { GatewayConfigBase } from '@graphql-hive/gateway-runtime';

type CorsOption = NonNullable<GatewayConfigBase<Record<string, unknown>>['cors']>;

export class CorsConfigError extends Error {
  override name = 'CorsConfigError';
}

/** `https://a.example,https://b.example` (or `*`: any origin) → the origins, normalised; throws on anything that is not an origin. */
export function parseCorsOrigins(raw: string | undefined): string[] {
  const entries = (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return entries.map((entry) => {
    if (entry === '*') return entry;
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new CorsConfigError(`CORS_ORIGINS: "${entry}" is not an origin like https://dashboard.example`);
    }
    if (!['http:', 'https:'].includes(url.protocol) || url.origin !== entry.replace(/\/$/, '')) {
      throw new CorsConfigError(`CORS_ORIGINS: "${entry}" is not an origin (scheme://host[:port], no path)`);
    }
    return url.origin;
  });
}

export function corsPolicy(origins: readonly string[]): CorsOption {
  const any = origins.includes('*');
  const allowed = new Set(origins);
  return (request: Request) => {
    const origin = request.headers.get('origin');
    // No CORS headers: the browser keeps the answer from the page.
    if (!origin || !(any || allowed.has(origin))) return false;
    return {
      origin,
      credentials: false,
      methods: ['GET', 'POST'],
      allowedHeaders: ['authorization', 'content-type', 'accept', 'x-request-id', 'traceparent'],
      exposedHeaders: ['x-request-id', 'retry-after'],
      maxAge: 600,
    };
  };
}
