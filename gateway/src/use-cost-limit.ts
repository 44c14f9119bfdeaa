// The cost limit is the runtime's own demand control (IBM cost spec: `@cost` and `@listSize` in
// the subgraphs' SDL, composed into the supergraph). It prices each subgraph request as the query
// plan sends it and adds it to what the operation has spent; the request that would take the sum
// past `maxCost` is not sent, and throws COST_ESTIMATED_TOO_EXPENSIVE at its place in the plan.
// Left alone, that throw nulls one field of an otherwise answered query and is masked as an
// internal error. This plugin answers such an operation as our other limits do instead: the whole
// operation refused with OPERATION_LIMIT_EXCEEDED, `limit: "cost"`, 400, no partial data, so
// clients that handled the gateway's earlier cost refusal keep working.
import type { GatewayConfigBase, GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { ExecutionResult, GraphQLError as GraphQLErrorType } from 'graphql';
import { isAsyncIterable } from './is-async-iterable.ts';
import type { OperationLimits } from './security-config.ts';
import { limitExceeded } from './use-operation-limits.ts';

/** What the runtime's demand control throws (gateway-runtime 2.12). */
const RUNTIME_COST_CODE = 'COST_ESTIMATED_TOO_EXPENSIVE';

type DemandControl = NonNullable<GatewayConfigBase<Record<string, unknown>>['demandControl']>;

/** The runtime's `demandControl` option for our limits. */
export function demandControl(limits: Pick<OperationLimits, 'maxCost' | 'defaultListSize'>): DemandControl {
  return {
    maxCost: limits.maxCost,
    // For lists without `@listSize`: partner subgraphs' and test schemas'. The runtime applies it
    // to nullable lists only (a `[T!]!` counts one item), which is why every list of ours says
    // its size in the SDL.
    listSize: limits.defaultListSize,
    // Off whatever NODE_ENV says: answers (and the response cache's keys) stay the same everywhere.
    includeExtensionMetadata: false,
  };
}

export function useCostLimit(): GatewayPlugin {
  return {
    onExecute: () => ({
      onExecuteDone: ({ result, setResult }) => {
        // Incremental answers (@defer) are left as the runtime gives them. Subscriptions do not
        // come through onExecute: a feed's one subgraph request costs a handful, far from the limit.
        if (isAsyncIterable(result)) return;
        const refusal = costRefusal(result as ExecutionResult);
        if (refusal) setResult({ errors: [refusal] });
      },
    }),
  };
}

function costRefusal(result: ExecutionResult): GraphQLErrorType | undefined {
  for (const error of result.errors ?? []) {
    const thrown = runtimeCostError(error);
    if (!thrown) continue;
    const { estimated, max } = thrown;
    return limitExceeded('cost', `Operation cost ${estimated} exceeds the limit of ${max}; ask for fewer items (first/last) or fewer nested lists.`, max);
  }
  return undefined;
}

/** The runtime's refusal, found on the error itself or on the error it wraps (a field error). */
function runtimeCostError(error: GraphQLErrorType): { estimated: number; max: number } | undefined {
  for (let e: unknown = error; e; e = (e as { originalError?: unknown }).originalError) {
    const extensions = (e as { extensions?: { code?: unknown; cost?: { estimated?: unknown; max?: unknown } } }).extensions;
    if (extensions?.code !== RUNTIME_COST_CODE) continue;
    const { estimated, max } = extensions.cost ?? {};
    if (typeof estimated === 'number' && typeof max === 'number') return { estimated, max };
  }
  return undefined;
}
