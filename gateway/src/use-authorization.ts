// Schema-level authorization from the supergraph: fields and types marked `@authenticated` need a
// verified caller, `@requiresScopes(scopes: [["DISTRICT_ADMIN"], ["OBSERVER"]])` one of the listed
// role sets, the caller's scopes being its `role` claim. The runtime's generic-auth removes what
// the caller may not see before planning, so no subgraph is asked for it; the field comes back
// null with an UNAUTHENTICATED or FORBIDDEN error and the rest of the data arrives.
// Row-level rules (own community, own department) stay in the subgraphs.
import type { GatewayConfigBase, GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { callerFromClaims, type Caller } from '@shequ/kit/auth/caller';
import { claimsExtension } from '@shequ/kit/auth/upstream-signature';
import type { ExecutionResult, GraphQLError as GraphQLErrorType } from 'graphql';
import { getOperationAST } from 'graphql/index.js';
import { GraphQLError } from './graphql-error.ts';
import { isAsyncIterable } from './is-async-iterable.ts';

type GenericAuthOptions = NonNullable<GatewayConfigBase<Record<string, unknown>>['genericAuth']>;

/**
 * Read when an operation is checked, not when its context is built: over graphql-ws the JWT
 * plugin (a later plugin) only verifies the connection's token while the context is being built.
 */
interface LazyCaller {
  caller(): Caller;
}

export interface Authorization {
  /** The runtime's `genericAuth` option. */
  genericAuth: GenericAuthOptions;
  /** Completes generic-auth's answers; goes in the plugin list (after the runtime's generic-auth). */
  plugin: GatewayPlugin;
}

export function authorizationByRole(): Authorization {
  /** Response keys of each refused field (no list indices), by operation context. */
  const refusals = new WeakMap<object, Map<GraphQLErrorType, string[]>>();

  const genericAuth: GenericAuthOptions = {
    mode: 'protect-granular',
    resolveUserFn: (context) => {
      const ctx = context as Record<string, unknown>;
      const lazy: LazyCaller = { caller: () => callerFromClaims((ctx[claimsExtension] as { payload?: Record<string, unknown> } | undefined)?.payload) };
      return lazy;
    },
    extractScopes: (user) => {
      const role = (user as LazyCaller).caller().role;
      return role === 'ANONYMOUS' ? [] : [role];
    },
    // Partial results: a dashboard mixing public and protected fields still gets the public ones.
    rejectUnauthenticated: false,
    validateUser: ({ user, parentType, field, fieldNode, path, fieldAuthArgs, typeAuthArgs, fieldScopes, typeScopes, userScopes, executionArgs }) => {
      const scopeSets = [typeScopes, fieldScopes].filter((s): s is string[][] => Array.isArray(s) && s.length > 0);
      if (!fieldAuthArgs && !typeAuthArgs && scopeSets.length === 0) return undefined;
      const coordinate = `${parentType.name}.${field.name}`;
      const role = (user as LazyCaller).caller().role;
      let error: GraphQLErrorType | undefined;
      if (role === 'ANONYMOUS') {
        error = new GraphQLError(`Sign in to see ${coordinate}`, { nodes: [fieldNode], extensions: { code: 'UNAUTHENTICATED' } });
      } else {
        const missing = scopeSets.find((sets) => !sets.some((set) => set.every((scope) => userScopes.includes(scope))));
        if (missing) {
          const wanted = missing.map((set) => set.join(' + ')).join(' or ');
          error = new GraphQLError(`Role ${role} may not see ${coordinate} (needs ${wanted})`, { nodes: [fieldNode], extensions: { code: 'FORBIDDEN' } });
        }
      }
      if (!error) return undefined;
      // No path on the error itself: generic-auth would write nulls along it, putting '@' keys in
      // the data for nullable lists and turning a null parent into an object. We do it below.
      const context = executionArgs.contextValue as object;
      const refused = refusals.get(context) ?? new Map<GraphQLErrorType, string[]>();
      refused.set(
        error,
        path.filter((key): key is string => typeof key === 'string' && key !== '@'),
      );
      refusals.set(context, refused);
      return error;
    },
  };

  const complete = (result: ExecutionResult, refused: Map<GraphQLErrorType, string[]>): ExecutionResult => {
    const data = result.data ? structuredClone(result.data) : result.data;
    const errors = result.errors?.map((e) => {
      const keys = refused.get(e);
      if (!keys) return e;
      if (data) setNull(data, keys);
      return new GraphQLError(e.message, { nodes: e.nodes, path: keys, extensions: e.extensions });
    });
    return { ...result, data, errors };
  };

  const plugin: GatewayPlugin = {
    onExecute({ args, setResultAndStopExecution }) {
      const refused = refusals.get(args.contextValue as object);
      if (!refused) return undefined;
      // Nothing left to ask for: planning an empty operation would fail.
      if (getOperationAST(args.document, args.operationName)?.selectionSet.selections.length === 0) setResultAndStopExecution({ data: {} });
      return {
        onExecuteDone({ result, setResult }) {
          if (!isAsyncIterable(result)) setResult(complete(result, refused));
        },
      };
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const refused = refusals.get(args.contextValue as object);
      if (!refused) return undefined;
      if (getOperationAST(args.document, args.operationName)?.selectionSet.selections.length === 0) setResultAndStopExecution({ data: null });
      return {
        onSubscribeResult({ result, setResult }) {
          if (!isAsyncIterable(result)) setResult(complete(result, refused));
        },
      };
    },
  };

  return { genericAuth, plugin };
}

/**
 * Writes null at `keys`, through every item of the lists on the way. A null parent stays null; a
 * missing one (everything selected inside it was refused, so it was never asked for) becomes null.
 */
function setNull(value: unknown, keys: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) setNull(item, keys);
    return;
  }
  if (typeof value !== 'object' || value === null || keys.length === 0) return;
  const [key, ...rest] = keys as [string, ...string[]];
  const object = value as Record<string, unknown>;
  if (rest.length === 0 || object[key] === undefined) object[key] = null;
  else setNull(object[key], rest);
}
