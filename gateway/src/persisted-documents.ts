// The runtime's own persisted documents, backed by our manifest (trusted-documents.ts): an operation
// sent by hash (`extensions.persistedQuery.sha256Hash`, Apollo's shape, or `documentId`, Hive's,
// with or without `sha256:`) runs the manifest's document; an unknown hash is PERSISTED_QUERY_NOT_FOUND.
// Documents sent as text are always let through here (`allowArbitraryDocuments: true`), whether
// TRUSTED_DOCUMENTS is on or not: the runtime's check sees only the request, while whether a text
// may run depends on the text (a manifest document sent as text runs) and on the verified caller
// (the hub's own services may send theirs). useTrustedDocuments decides that, after identity.
import type { GatewayConfigBase } from '@graphql-hive/gateway-runtime';
import { GraphQLError } from './graphql-error.ts';
import type { TrustedDocuments } from './trusted-documents.ts';

export const PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND';

type PersistedDocumentsOptions = NonNullable<GatewayConfigBase<Record<string, unknown>>['persistedDocuments']>;
type PersistedParams = { extensions?: Record<string, unknown>; documentId?: unknown };

export function persistedDocuments(manifest: TrustedDocuments): PersistedDocumentsOptions {
  return {
    getPersistedOperation: (hash) => manifest.lookup(hash) ?? null,
    extractPersistedOperationId: (params, request) => persistedHash(params as PersistedParams, request),
    allowArbitraryDocuments: true,
    customErrors: {
      notFound: () => new GraphQLError('No trusted operation has this hash', { extensions: { code: PERSISTED_QUERY_NOT_FOUND, http: { status: 404 } } }),
      // Neither a document nor a hash: the answer the runtime gives such a request without this plugin.
      keyNotFound: () =>
        new GraphQLError('Must provide query string.', {
          extensions: { code: 'BAD_REQUEST', http: { spec: true, status: 400, headers: { Allow: 'GET, POST' } } },
        }),
    },
  };
}

function persistedHash(params: PersistedParams, request: Request): string | null {
  const persisted = params.extensions?.persistedQuery as { version?: unknown; sha256Hash?: unknown } | undefined;
  if (persisted?.version === 1 && typeof persisted.sha256Hash === 'string') return persisted.sha256Hash;
  const documentId = typeof params.documentId === 'string' ? params.documentId : new URL(request.url).searchParams.get('documentId');
  return documentId ? documentId.replace(/^sha256:/, '') : null;
}
