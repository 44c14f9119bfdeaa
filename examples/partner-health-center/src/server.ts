// The health centre's subgraph over plain node:http: GET /healthz, and POST /graphql for the
// hub's gateway only. The signature is checked before Apollo sees the request, so a refused
// request is never parsed as an operation, let alone executed.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { onceOnly, verifyGatewaySignature, type GraphQLBody } from './gateway-signature.js';
import { headerMap, readBody, sendError, sendGraphQL, sendJson } from './http.js';
import { maskErrors } from './mask-errors.js';
import { schema } from './schema.js';
import { isServiceSdlQuery } from './service-sdl.js';

export type Logger = Pick<Console, 'info' | 'warn' | 'error'>;

export interface HealthCenterOptions {
  /** Default 4100; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The secret the district issued to this partner. null skips verification: development only. */
  signingSecret: string | null;
  log?: Logger;
}

export interface HealthCenter {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4100/graphql */
  url: string;
  close(): Promise<void>;
}

/** What resolvers may know of the caller: the claims the gateway verified, null if anonymous. */
export interface HealthCenterContext {
  claims: Record<string, unknown> | null;
}

const maxBodyBytes = 1 << 20;
const isJson = (req: IncomingMessage) => /^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '');

export async function startHealthCenter(options: HealthCenterOptions): Promise<HealthCenter> {
  const { port = 4100, host = '127.0.0.1', signingSecret, log = console } = options;
  // An empty or forgotten secret must not quietly mean "accept everyone".
  if (signingSecret !== null && (typeof signingSecret !== 'string' || signingSecret === '')) {
    throw new Error('startHealthCenter: signingSecret is required (null only for insecure development)');
  }

  const httpServer = createServer();
  const firstTime = onceOnly();
  const apollo = new ApolloServer<HealthCenterContext>({
    schema,
    formatError: maskErrors(log),
    includeStacktraceInErrorResponses: false,
    // Only the documents that were signed are executed: no lookups by hash.
    persistedQueries: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();

  async function graphql(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return sendError(res, 405, 'POST a GraphQL request', 'BAD_REQUEST', { allow: 'POST' });
    if (!isJson(req)) return sendError(res, 415, 'Send the request as application/json', 'BAD_REQUEST');
    const text = await readBody(req, maxBodyBytes);
    if (text === null) return sendError(res, 413, 'Request body too large', 'BAD_REQUEST', { connection: 'close' });
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return sendError(res, 400, 'The body is not valid JSON', 'BAD_REQUEST');
    }

    let claims: Record<string, unknown> | null = null;
    if (signingSecret !== null) {
      const request = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as GraphQLBody) : null;
      const check = verifyGatewaySignature(request, signingSecret);
      if (check.ok && !firstTime(check)) {
        log.warn(`refused a replayed gateway request from ${req.socket.remoteAddress}`);
        return sendError(res, 401, 'Replayed gateway request: each signed request runs once', 'UNAUTHENTICATED');
      }
      if (check.ok) claims = check.claims;
      else if (!isServiceSdlQuery(request?.query)) {
        log.warn(`refused a request not from the hub's gateway (${check.reason}) from ${req.socket.remoteAddress}`);
        return sendError(res, 401, "This subgraph answers only the hub's gateway", 'UNAUTHENTICATED');
      }
    }

    const url = new URL(req.url ?? '/', 'http://localhost');
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers: headerMap(req), search: url.search, body },
      context: async () => ({ claims }),
    });
    await sendGraphQL(res, response);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/graphql') return graphql(req, res);
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) return sendJson(res, 200, { status: 'ok', subgraph: 'health-center' });
    sendError(res, 404, 'Not found', 'NOT_FOUND');
  }

  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((error: unknown) => {
      log.error('request failed', error);
      if (!res.headersSent) sendError(res, 500, 'Internal server error', 'INTERNAL_SERVER_ERROR');
      else res.destroy();
    });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(port, host, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await apollo.stop();
    throw error;
  }

  const actual = (httpServer.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${actual}/graphql`,
    // apollo.stop() drains: it stops accepting, lets requests in flight finish, then closes.
    close: () => (closing ??= apollo.stop()),
  };
}
