import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { PothosValidationError } from '@pothos/core';
import { isClientError } from '../errors.js';
import type { Logger } from '../logger.js';

/**
 * Clients see their own mistakes with a stable code; everything else becomes one opaque
 * internal error, logged here with its detail (never with variables or personal data).
 */
export function maskErrors(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    // A scalar (Date, DateTime) refusing a literal is reported by validation, which Apollo codes
    // GRAPHQL_VALIDATION_FAILED: it is still the caller's bad input, and the gateway treats a
    // subgraph's validation failure as its own bug.
    if (code === 'GRAPHQL_VALIDATION_FAILED' && codeOf((error as { originalError?: unknown } | null)?.originalError) === 'BAD_USER_INPUT') {
      return { ...formatted, extensions: { code: 'BAD_USER_INPUT' } };
    }
    if (isClientError(code)) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const original = unwrapResolverError(error);
    // Pothos rejects bad connection arguments and cursors at request time: the caller's mistake.
    if (original instanceof PothosValidationError) {
      return { message: original.message, path: formatted.path, extensions: { code: 'BAD_USER_INPUT' } };
    }
    if (isDatabaseBusy(original)) {
      log.warn({ err: original, path: formatted.path }, 'database busy: no connection or transaction in time');
      // Waiting for a connection or a transaction ends before anything is committed: safe to retry.
      return {
        message: 'The database is busy; nothing was recorded. Try again (with the same idempotency key, if any)',
        path: formatted.path,
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', retryable: true },
      };
    }
    log.error({ err: original, path: formatted.path }, 'internal error while resolving');
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

function codeOf(error: unknown): unknown {
  return (error as { extensions?: { code?: unknown } } | null | undefined)?.extensions?.code;
}

/**
 * The pool had no connection in time (node-postgres says so only in words) or Prisma could not
 * start or finish an interactive transaction in time (P2024, P2028): load, not a bug.
 */
function isDatabaseBusy(error: unknown): boolean {
  for (
    let e = error as { code?: unknown; message?: unknown; cause?: unknown } | null | undefined, depth = 0;
    e && depth < 5;
    e = e.cause as typeof e, depth++
  ) {
    if (e.code === 'P2024' || e.code === 'P2028') return true;
    if (typeof e.message === 'string' && e.message.includes('timeout exceeded when trying to connect')) return true;
  }
  return false;
}
