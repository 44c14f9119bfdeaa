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
    log.error({ err: original, path: formatted.path }, 'internal error while resolving');
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

function codeOf(error: unknown): unknown {
  return (error as { extensions?: { code?: unknown } } | null | undefined)?.extensions?.code;
}
