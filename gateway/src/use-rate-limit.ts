// Per-identity rate limits: keyed by the verified token's subject, else by the client's address.
// Over HTTP a limited request gets 429 with Retry-After before anything is parsed; over graphql-ws
// (no HTTP request per operation) the operation gets a RATE_LIMITED error instead.
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { claimsExtension } from '@shequ/kit/auth/upstream-signature';
import type { ExecutionResult } from 'graphql';
import { GraphQLError } from './graphql-error.ts';
import { createCallerLimiter } from './rate-limiter.ts';
import { refuseOperation } from './refuse-operation.ts';
import type { SecurityConfig } from './security-config.ts';

export const RATE_LIMITED = 'RATE_LIMITED';

interface ServerContextLike {
  [claimsExtension]?: { payload?: Record<string, unknown> };
  req?: { socket?: { remoteAddress?: string } };
}

export function useRateLimit(config: SecurityConfig['rateLimit'], log?: { warn(fields: object, message: string): void }): GatewayPlugin {
  if (config.perMinute === 0) return {};
  let lastWarning = 0;
  const limiter = createCallerLimiter({
    ...config,
    onStoreError(message) {
      if (Date.now() - lastWarning < 10_000) return;
      lastWarning = Date.now();
      log?.warn({ err: message }, 'redis rate-limit store unavailable; limiting per replica');
    },
  });
  const exempt = new Set(config.exemptRoles);
  const overHttp = new WeakSet<Request>();

  /** null: not limited. */
  function keyOf(context: ServerContextLike, request: Request | undefined): string | null {
    const claims = context[claimsExtension]?.payload;
    if (typeof claims?.role === 'string' && exempt.has(claims.role)) return null;
    if (typeof claims?.sub === 'string' && claims.sub) return `sub:${claims.sub}`;
    const forwarded = config.trustProxy ? request?.headers.get('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
    return `ip:${forwarded || context.req?.socket?.remoteAddress || 'unknown'}`;
  }

  const message = (seconds: number) => `Too many requests; try again in ${seconds} s`;

  const checkOperation = async (args: { contextValue?: unknown }): Promise<ExecutionResult | undefined> => {
    const context = args.contextValue as ServerContextLike & { request?: Request };
    if (context.request && overHttp.has(context.request)) return undefined; // counted on arrival
    const key = keyOf(context, context.request);
    if (!key) return undefined;
    const taken = await limiter.take(key);
    if (taken.ok) return undefined;
    return { errors: [new GraphQLError(message(taken.retryAfterSeconds), { extensions: { code: RATE_LIMITED, retryAfterSeconds: taken.retryAfterSeconds } })] };
  };

  return {
    // After the JWT plugin's own onRequestParse, so the verified subject is known here.
    async onRequestParse({ request, serverContext, endResponse, fetchAPI }) {
      overHttp.add(request);
      const key = keyOf(serverContext as ServerContextLike, request);
      if (!key) return undefined;
      const taken = await limiter.take(key);
      if (!taken.ok) {
        const body = {
          errors: [{ message: message(taken.retryAfterSeconds), extensions: { code: RATE_LIMITED, retryAfterSeconds: taken.retryAfterSeconds } }],
        };
        endResponse(
          new fetchAPI.Response(JSON.stringify(body), {
            status: 429,
            headers: { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(taken.retryAfterSeconds) },
          }),
        );
        return undefined;
      }
      return {
        async onRequestParseDone({ requestParserResult }) {
          // A batch costs one operation each; the first was taken above.
          if (Array.isArray(requestParserResult) && requestParserResult.length > 1) await limiter.charge(key, requestParserResult.length - 1);
        },
      };
    },
    ...refuseOperation(checkOperation),
    onDispose: () => limiter.close(),
  };
}
