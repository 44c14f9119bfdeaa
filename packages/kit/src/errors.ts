import { GraphQLError } from 'graphql';

export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'SUBGRAPH_UNAVAILABLE' | 'INTERNAL_SERVER_ERROR';

/** Errors a client may see: stable code, clear message, no internals. */
export function clientError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const badInput = (message: string, extensions?: Record<string, unknown>) => clientError('BAD_USER_INPUT', message, extensions);
export const unauthenticated = (message = 'Sign in to do this') => clientError('UNAUTHENTICATED', message);
export const forbidden = (message = 'Your role may not do this') => clientError('FORBIDDEN', message);
export const notFound = (what: string, id: string) => clientError('NOT_FOUND', `${what} ${id} does not exist`, { id });
export const conflict = (message: string, extensions?: Record<string, unknown>) => clientError('CONFLICT', message, extensions);

// SUBGRAPH_UNAVAILABLE: a subgraph whose write depends on another one that is down says so (retryable).
const clientCodes = new Set<string>([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'SUBGRAPH_UNAVAILABLE',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** True for errors meant for the client; anything else is masked as an internal error. */
export function isClientError(code: unknown): boolean {
  return typeof code === 'string' && clientCodes.has(code);
}
