// Trusted documents enforced: with TRUSTED_DOCUMENTS on, a document sent as text runs only if it is
// one of the manifest's (up to whitespace and commas); anything else is refused with
// OPERATION_NOT_TRUSTED, except from the hub's own services (role SERVICE by default). Documents
// sent by hash have already been resolved by the runtime (persisted-documents.ts), so they pass.
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { claimsExtension } from '@shequ/kit/auth/upstream-signature';
import { GraphQLError } from './graphql-error.ts';
import type { TrustedDocuments } from './trusted-documents.ts';

export const OPERATION_NOT_TRUSTED = 'OPERATION_NOT_TRUSTED';

export function useTrustedDocuments(manifest: TrustedDocuments, options: { bypassRoles: string[]; maxTokens: number }): GatewayPlugin {
  const bypass = new Set(options.bypassRoles);
  return {
    // Errors are set as the result rather than thrown: over graphql-ws a throw here closes the socket.
    onParams({ params, setResult, context }) {
      if (!params.query || manifest.includes(params.query, options.maxTokens)) return;
      const role = (context as unknown as Record<string, { payload?: { role?: unknown } } | undefined>)[claimsExtension]?.payload?.role;
      if (typeof role === 'string' && bypass.has(role)) return;
      const message = 'This gateway only runs trusted operations (schema/operations/); send a known hash or a known document';
      setResult({ errors: [new GraphQLError(message, { extensions: { code: OPERATION_NOT_TRUSTED, http: { status: 403 } } })] });
    },
  };
}
