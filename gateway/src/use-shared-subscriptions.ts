// Identical subscriptions to a state feed (`@liveState` in the supergraph, see live-feeds.ts)
// share one upstream stream (shared-streams.ts). Identical means the same document, operation,
// variables and caller: the caller's verified claims, so one role never sees a stream started
// for another. Anything else — an event feed, a selection without the feed's key field, a root
// field under @include/@skip — gets a stream of its own, as without this plugin.
//
// The shared stream runs under the first subscriber's context, but with a signal of its own: the
// runtime cancels subgraph calls when a client's request signal aborts (`upstreamCancellation`),
// and the first subscriber going away must not end the stream for everyone else.
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { canonicalJson } from '@shequ/kit/auth/canonical-json';
import { claimsExtension } from '@shequ/kit/auth/upstream-signature';
import { Kind, print, type DocumentNode, type FieldNode } from 'graphql';
import { getOperationAST } from 'graphql/index.js';
import type { LiveFeeds } from './live-feeds.ts';
import { SharedStreams, type SlotOf } from './shared-streams.ts';
import { isStartedAgain } from './use-subscriptions-across-reloads.ts';

/** Claims that differ between two tokens of the same caller, and say nothing about what they may see. */
const volatileClaims = new Set(['iat', 'exp', 'nbf', 'jti']);

export function useSharedSubscriptions(feeds: () => LiveFeeds, streams = new SharedStreams()): GatewayPlugin {
  const printed = new WeakMap<DocumentNode, string>();
  const printOnce = (document: DocumentNode) => {
    let text = printed.get(document);
    if (text === undefined) printed.set(document, (text = print(document)));
    return text;
  };
  return {
    onSubscribe({ args, subscribeFn, setSubscribeFn }) {
      // A shared stream starting again after a reload (it is the shared stream's own upstream).
      if (isStartedAgain(args.contextValue)) return;
      const slotOf = shareable(feeds(), args.document, args.operationName ?? undefined);
      if (!slotOf) return;
      const key = canonicalJson([printOnce(args.document), args.operationName ?? null, args.variableValues ?? {}, callerOf(args.contextValue)]);
      setSubscribeFn((subscribeArgs) =>
        streams.join(key, (signal) => subscribeFn({ ...subscribeArgs, contextValue: withOwnSignal(subscribeArgs.contextValue, signal) }), slotOf),
      );
    },
  };
}

/** How to name a message's slot, when the operation is a state feed that can be shared. */
function shareable(feeds: LiveFeeds, document: DocumentNode, operationName: string | undefined): SlotOf | undefined {
  if (feeds.size === 0) return undefined;
  const operation = getOperationAST(document, operationName);
  const [root, ...others] = operation?.operation === 'subscription' ? operation.selectionSet.selections : [];
  if (!root || others.length > 0 || root.kind !== Kind.FIELD || root.directives?.length) return undefined;
  const feed = feeds.get(root.name.value);
  if (!feed) return undefined;
  const rootKey = responseKey(root);
  if (feed.key === undefined) return (message) => (message.data ? '' : errorsSlot);
  const keyField = root.selectionSet?.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === feed.key && !s.directives?.length);
  if (!keyField) return undefined;
  const itemKey = responseKey(keyField);
  return (message) => {
    const value = (message.data?.[rootKey] as Record<string, unknown> | null | undefined)?.[itemKey];
    return value === undefined || value === null ? errorsSlot : `:${String(value)}`;
  };
}

/** Messages without data (an error, e.g. the subgraph went away) share one slot of their own. */
const errorsSlot = '\u0000errors';

const responseKey = (field: FieldNode) => field.alias?.value ?? field.name.value;

function callerOf(context: unknown): Record<string, unknown> {
  const payload = (context as Record<string, { payload?: Record<string, unknown> } | undefined> | undefined)?.[claimsExtension]?.payload;
  return Object.fromEntries(Object.entries(payload ?? {}).filter(([claim]) => !volatileClaims.has(claim)));
}

/** The context as it is, but with a request whose signal is the shared stream's. */
function withOwnSignal(context: unknown, signal: AbortSignal): unknown {
  const request = (context as { request?: object } | undefined)?.request;
  if (!context || typeof context !== 'object' || !request) return context;
  const ownRequest = new Proxy(request, {
    get(target, property) {
      if (property === 'signal') return signal;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return new Proxy(context, { get: (target, property) => (property === 'request' ? ownRequest : Reflect.get(target, property, target)) });
}
