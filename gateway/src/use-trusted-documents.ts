// Trusted documents: operations are taken by hash from the manifest (`extensions.persistedQuery.
// sha256Hash`, Apollo's shape, or `documentId`, Hive's). When enforced, a query text outside the
// manifest is refused with OPERATION_NOT_TRUSTED; the hub's own services (role SERVICE by default)
// may still send theirs. An unknown hash is PERSISTED_QUERY_NOT_FOUND either way.
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { claimsExtension } from '@shequ/kit/auth/upstream-signature';
import { GraphQLError } from './graphql-error.ts';
import type { SecurityConfig } from './security-config.ts';
import type { TrustedDocuments } from './trusted-documents.ts';

export const OPERATION_NOT_TRUSTED = 'OPERATION_NOT_TRUSTED';
export const PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND';

export function useTrustedDocuments(
  manifest: TrustedDocuments,
  options: { enforce: boolean; bypassRoles: string[]; maxTokens: number },
): GatewayPlugin {
  const bypass = new Set(options.bypassRoles);
  return {
    // Errors are set as the result rather than thrown: over graphql-ws a throw here closes the socket.
    onParams({ params, setParams, setResult, request, context }) {
      const refuse = (message: string, code: string, status: number) => setResult({ errors: [new GraphQLError(message, { extensions: { code, http: { status } } })] });
      if (!params.query) {
        const hash = persistedHash(params as PersistedParams, request);
        if (hash === undefined) return; // the runtime answers "Must provide query string"
        const document = manifest.lookup(hash);
        // Only the standard parameters: the runtime refuses unknown ones such as documentId. An
        // empty query keeps its later "Must provide query string" check from replacing our answer.
        setParams({ query: document ?? '', operationName: params.operationName, variables: params.variables, extensions: params.extensions });
        if (document === undefined) refuse('No trusted operation has this hash', PERSISTED_QUERY_NOT_FOUND, 404);
        return;
      }
      if (!options.enforce || manifest.includes(params.query, options.maxTokens)) return;
      const role = (context as unknown as Record<string, { payload?: { role?: unknown } } | undefined>)[claimsExtension]?.payload?.role;
      if (typeof role === 'string' && bypass.has(role)) return;
      refuse('This gateway only runs trusted operations (schema/operations/); send a known hash or a known document', OPERATION_NOT_TRUSTED, 403);
    },
  };
}

type PersistedParams = { extensions?: Record<string, unknown>; documentId?: unknown };

function persistedHash(params: PersistedParams, request: Request | undefined): string | undefined {
  const persisted = params.extensions?.persistedQuery as { version?: unknown; sha256Hash?: unknown } | undefined;
  if (persisted?.version === 1 && typeof persisted.sha256Hash === 'string') return persisted.sha256Hash;
  const documentId = typeof params.documentId === 'string' ? params.documentId : request ? new URL(request.url).searchParams.get('documentId') : null;
  return documentId ? documentId.replace(/^sha256:/, '') : undefined;
}
