// Whose view of the data a cached answer is: what a caller may see follows from its verified
// claims alone (role, community, street, department, person — the subgraphs check each against
// their records on every miss), so two callers with the same claims share answers and no two
// callers with different claims ever do. Anonymous callers (public screens) share one view.
import { createHash } from 'node:crypto';
import { claimsExtension } from '@shequ/kit/auth/upstream-signature';

/** Registered claims that say when and by whom a token was issued, not what it grants. */
const ISSUANCE_CLAIMS = new Set(['iat', 'exp', 'nbf', 'jti', 'iss', 'aud']);

export const ANONYMOUS_VIEW = 'anonymous';

export function visibilityKey(context: unknown): string {
  const payload = (context as Record<string, { payload?: Record<string, unknown> } | undefined> | undefined)?.[claimsExtension]?.payload;
  if (!payload) return ANONYMOUS_VIEW;
  const grants = Object.keys(payload)
    .filter((claim) => !ISSUANCE_CLAIMS.has(claim))
    .sort()
    .map((claim) => [claim, payload[claim]]);
  return createHash('sha256').update(JSON.stringify(grants)).digest('base64url');
}
