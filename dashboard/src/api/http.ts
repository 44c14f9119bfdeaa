import type { operations } from './operations.ts';

type Document = (typeof operations)[keyof typeof operations];

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly status: number,
  ) {
    super(message);
  }
}

/** A refusal the reader can act on (sign in, or as someone else), rather than a fault. */
export const isRefusal = (code: string | undefined) => code === 'UNAUTHENTICATED' || code === 'FORBIDDEN';

export interface GraphQLResult<T> {
  data: T | null;
  /** Field errors beside partial data: a refused field is null and named here. */
  errors: Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string } }>;
}

/**
 * POSTs one recorded document to the same-origin gateway. The document text is sent exactly
 * as recorded (trusted documents match it byte for byte); the token, if any, only in a header.
 */
export async function query<T>(document: Document, variables: Record<string, unknown>, token: string | null, signal?: AbortSignal): Promise<GraphQLResult<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const init: RequestInit = { method: 'POST', headers, body: JSON.stringify({ query: document, variables }), credentials: 'omit', cache: 'no-store' };
  if (signal) init.signal = signal;
  const res = await fetch('/graphql', init);
  let body: { data?: T | null; errors?: GraphQLResult<T>['errors'] } | undefined;
  try {
    body = (await res.json()) as typeof body;
  } catch {
    throw new GraphQLRequestError(`HTTP ${res.status}`, undefined, res.status);
  }
  const errors = body?.errors ?? [];
  if (body?.data == null) {
    const first = errors[0];
    throw new GraphQLRequestError(first?.message ?? `HTTP ${res.status}`, first?.extensions?.code, res.status);
  }
  return { data: body.data, errors };
}
