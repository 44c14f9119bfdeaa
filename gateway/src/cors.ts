// Which other web origins may call the hub from a browser: only those in CORS_ORIGINS. The
// runtime's default answers every origin with its own name and Allow-Credentials, i.e. any site a
// signed-in user visits could read the hub's answers as that user. Credentials are never allowed:
// callers authenticate with an Authorization header, which CORS allows as a header instead. The
// dashboard at `/` is the same origin and needs no CORS at all.
import type { GatewayConfigBase } from '@graphql-hive/gateway-runtime';

type CorsOption = NonNullable<GatewayConfigBase<Record<string, unknown>>['cors']>;

// Parsed with the gateway's other variables (the kit's schema); re-exported under the old names.
export { CorsConfigError, parseCorsOrigins } from '@shequ/kit/config/cors-origins';

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
