// PostgreSQL cannot store U+0000 in text: a NUL in any argument ends as a database error deep in
// a subgraph. Refused here once for all subgraphs, as the bad input it is.
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError } from './graphql-error.ts';

export function useNulGuard(): GatewayPlugin {
  return {
    onParams({ params, setResult }) {
      if ((params.query && /\\u0000/i.test(params.query)) || containsNul(params.variables, 0)) {
        setResult({
          errors: [new GraphQLError('Text may not contain the NUL character (U+0000)', { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } })],
        });
      }
    },
  };
}

function containsNul(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (typeof value !== 'object' || value === null || depth > 64) return false;
  for (const [key, item] of Object.entries(value)) if (key.includes('\u0000') || containsNul(item, depth + 1)) return true;
  return false;
}
