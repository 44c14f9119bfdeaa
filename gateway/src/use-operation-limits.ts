// Operations too big to be a dashboard's: too many tokens, too deep, too many aliases or
// directives (graphql-armor), each refused before any subgraph is asked, or too costly for the
// subgraphs (the runtime's demand control, use-cost-limit.ts); all with code
// OPERATION_LIMIT_EXCEEDED and the limit that was hit.
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { GraphQLError as GraphQLErrorType, ValidationContext } from 'graphql';
import { GraphQLError } from './graphql-error.ts';
import type { OperationLimits } from './security-config.ts';

export const LIMIT_EXCEEDED = 'OPERATION_LIMIT_EXCEEDED';

type Limit = 'tokens' | 'depth' | 'aliases' | 'directives' | 'cost';

export function limitExceeded(limit: Limit, message: string, max: number): GraphQLErrorType {
  // Yoga answers validation errors with 200 to callers that accept only application/json (the
  // GraphQL-over-HTTP rule for `spec` errors); these are the gateway's refusals, not the
  // document's: 400 for every caller, as the README says.
  return new GraphQLError(message, { extensions: { code: LIMIT_EXCEEDED, limit, max, http: { status: 400, spec: false } } });
}

export function useOperationLimits(limits: OperationLimits, options: { blockFieldSuggestions: boolean }): GatewayPlugin[] {
  // Armor throws an uncoded "Syntax Error" by default; these handlers give every refusal our code.
  // Validation rules report (the other rules still run); the token count aborts the parse itself.
  const report = (limit: Limit, max: number) => ({
    n: max,
    propagateOnRejection: false,
    onReject: [
      (ctx: ValidationContext | null, error: GraphQLErrorType) => {
        const coded = limitExceeded(limit, error.message.replace(/^Syntax Error: /, ''), max);
        if (!ctx) throw coded;
        ctx.reportError(coded);
      },
    ],
  });
  const armor = new EnvelopArmor({
    maxTokens: report('tokens', limits.maxTokens),
    // GraphiQL's introspection query is 18 levels deep; introspection is off in production anyway.
    maxDepth: { ...report('depth', limits.maxDepth), ignoreIntrospection: true },
    maxAliases: report('aliases', limits.maxAliases),
    maxDirectives: report('directives', limits.maxDirectives),
    costLimit: { enabled: false }, // the runtime's demand control knows list sizes (@listSize)
    blockFieldSuggestion: { enabled: options.blockFieldSuggestions, mask: '' },
  });

  return armor.protect().plugins as GatewayPlugin[];
}
