import { isClientError } from '@shequ/kit/errors';
import type { Logger } from '@shequ/kit/logger';
import type { GraphQLError as GraphQLErrorType, GraphQLErrorExtensions } from 'graphql';
import { GraphQLError, isGraphQLError } from './graphql-error.ts';

/**
 * Codes the runtime itself produces that are safe and useful for a client: it can retry on
 * them. Everything else without a client code is treated as internal.
 */
const RUNTIME_CODES = ['SUBGRAPH_UNAVAILABLE', 'SCHEMA_RELOAD', 'SHUTTING_DOWN'];

/**
 * What a subgraph may tell a client. Narrower than the kit's list on purpose: a subgraph
 * answering GRAPHQL_VALIDATION_FAILED means the gateway sent it a bad plan, which is our bug.
 */
const SUBGRAPH_CLIENT_CODES = new Set(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT']);

/** Extensions that leak internals: Apollo's stack traces, the upstream request/response. */
const INTERNAL_EXTENSIONS = new Set(['stacktrace', 'exception', 'originalError', 'request', 'response', 'serviceName', 'unexpected']);

export interface MaskErrorOptions {
  /** Extra codes to pass through unmasked (e.g. a rate-limit plugin's own code). */
  exposeCodes?: string[];
}

/**
 * The `maskedErrors.maskError` for the runtime. The runtime's default shows "Unexpected error."
 * for a subgraph outage, yet lets subgraph errors through with their stack traces; this
 * inverts both: known client codes pass (sanitised), anything internal is replaced and logged.
 */
export function createErrorMasker(log: Logger, options: MaskErrorOptions = {}) {
  const exposed = new Set([...RUNTIME_CODES, ...(options.exposeCodes ?? [])]);

  return function maskError(error: unknown, message: string): Error {
    const gqlError = isGraphQLError(error) ? error : fromPlainSubgraphError(error);
    const code = gqlError?.extensions?.code;

    const fromSubgraph = gqlError !== undefined && cameFromSubgraph(gqlError);

    if (gqlError && typeof code === 'string') {
      if (exposed.has(code)) return sanitize(gqlError);
      if (fromSubgraph && isScalarLiteralRejection(gqlError)) {
        return new GraphQLError(gqlError.message, { nodes: gqlError.nodes, path: gqlError.path, extensions: { code: 'BAD_USER_INPUT' } });
      }
      if (fromSubgraph ? SUBGRAPH_CLIENT_CODES.has(code) : isClientError(code)) return sanitize(gqlError);
    }
    // The gateway's own GraphQL errors (validation, variable coercion, non-null violations)
    // describe the client's operation, not our internals: same as the runtime's default.
    if (gqlError && !fromSubgraph && code === undefined && !wrapsThrownError(gqlError)) return withClientCode(gqlError);

    const original = gqlError?.originalError ?? (error instanceof Error ? error : undefined);
    log.error(
      {
        code,
        subgraph: gqlError?.extensions?.serviceName,
        path: gqlError?.path,
        error: gqlError?.message ?? String(error),
        stack: original?.stack ?? stackFromExtensions(gqlError),
      },
      'masked an internal error',
    );
    const extensions: GraphQLErrorExtensions = { code: 'INTERNAL_SERVER_ERROR' };
    // Yoga reads `http` to choose the response status; it never reaches the client.
    if (gqlError?.extensions?.http) extensions.http = gqlError.extensions.http;
    return new GraphQLError(message, { nodes: gqlError?.nodes, path: gqlError?.path, extensions });
  };
}

/**
 * Over the graphql-ws transport a subgraph's errors reach the gateway as plain objects (tagged
 * with `serviceName`), not GraphQLErrors; rebuilt, they are judged like any subgraph error.
 */
function fromPlainSubgraphError(error: unknown): GraphQLErrorType | undefined {
  if (typeof error !== 'object' || error === null || error instanceof Error) return undefined;
  const { message, path, extensions } = error as { message?: unknown; path?: unknown; extensions?: unknown };
  if (typeof message !== 'string' || typeof extensions !== 'object' || extensions === null || !('serviceName' in extensions)) return undefined;
  return new GraphQLError(message, { path: Array.isArray(path) ? (path as (string | number)[]) : undefined, extensions: extensions as GraphQLErrorExtensions });
}

/**
 * The runtime's own refusals of a request arrive without a code; clients get a stable one: the JWT
 * plugin's 401 is UNAUTHENTICATED, a variable that does not fit its type (a number past Int, an
 * unknown enum value, a missing non-null variable) BAD_USER_INPUT, and any other request-level
 * error (the document does not validate) GRAPHQL_VALIDATION_FAILED. Errors with a path keep what
 * they have.
 */
function withClientCode(error: GraphQLErrorType): GraphQLErrorType {
  const status = (error.extensions?.http as { status?: unknown } | undefined)?.status;
  const code =
    status === 401
      ? 'UNAUTHENTICATED'
      : /^Variable "\$/.test(error.message)
        ? 'BAD_USER_INPUT'
        : error.path === undefined
          ? 'GRAPHQL_VALIDATION_FAILED'
          : undefined;
  if (!code) return error;
  // In place where it can be, as in `sanitize`: the same object tells Yoga nothing was masked.
  try {
    (error.extensions as Record<string, unknown>).code = code;
    if (error.extensions?.code === code) return error;
  } catch {
    // Frozen extensions: a copy.
  }
  return new GraphQLError(error.message, { nodes: error.nodes, path: error.path, extensions: { ...error.extensions, code } });
}

/** The runtime tags every error a subgraph returned with `serviceName` (its `subgraphErrors` option). */
function cameFromSubgraph(error: GraphQLErrorType): boolean {
  for (let e: unknown = error; isGraphQLError(e); e = e.originalError) {
    if (e.extensions?.serviceName !== undefined) return true;
  }
  return false;
}

/**
 * A subgraph's custom scalar (Date, DateTime) refusing a literal in the operation. The supergraph
 * knows these only as scalars, so the subgraph is the first to see that "2026-13-45" is no date:
 * the client's mistake, not a bad plan.
 */
function isScalarLiteralRejection(error: GraphQLErrorType): boolean {
  return error.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' && /^Expected value of type "[A-Za-z_][\w![\]]*", found /.test(error.message);
}

/** True when the chain ends in a plain JS error: a crash, whose message may say anything. */
function wrapsThrownError(error: GraphQLErrorType): boolean {
  let e: unknown = error;
  while (isGraphQLError(e) && e.originalError) e = e.originalError;
  return !isGraphQLError(e);
}

/**
 * Strips internal extensions in place: returning the same object is what tells Yoga the error
 * was not masked (it logs every replaced error at error level, which client errors are not).
 */
function sanitize(error: GraphQLErrorType): GraphQLErrorType {
  const extensions = error.extensions as Record<string, unknown> | undefined;
  specStatusAlways(extensions);
  const leaking = Object.keys(extensions ?? {}).filter((key) => INTERNAL_EXTENSIONS.has(key));
  if (leaking.length === 0) return error;
  try {
    for (const key of leaking) delete extensions![key];
    return error;
  } catch {
    // Frozen extensions (some libraries freeze them): fall back to a copy.
  }
  const kept = Object.entries(extensions ?? {}).filter(([key]) => !INTERNAL_EXTENSIONS.has(key));
  return new GraphQLError(error.message, { nodes: error.nodes, path: error.path, extensions: Object.fromEntries(kept) });
}

function stackFromExtensions(error: GraphQLErrorType | undefined): string | undefined {
  const trace = error?.extensions?.stacktrace;
  return Array.isArray(trace) ? trace.join('\n') : undefined;
}

/**
 * A request body the runtime cannot parse (none, broken JSON) is marked `http.spec`, which makes it
 * answer 200 to clients that accept only `application/json`, once the error has passed through a
 * custom masker. GraphQL over HTTP keeps 200 for such clients only for documents that do not parse
 * or validate; a body that is not a GraphQL request at all is 400 (graphql-http's audits A5BF and
 * BCF8).
 */
function specStatusAlways(extensions: Record<string, unknown> | undefined): void {
  const http = extensions?.http as { spec?: unknown; status?: unknown } | undefined;
  if (extensions?.code !== 'BAD_REQUEST' || !http?.spec || typeof http.status !== 'number') return;
  try {
    delete http.spec;
  } catch {
    extensions!.http = { ...http, spec: undefined };
  }
}
