// Which subscriptions are state feeds, read from the supergraph: root fields of the Subscription
// type marked `@liveState` (packages/kit/src/schema/live-state.ts), with the key that names the
// item each message is the state of (none: each message is the whole state).
import { LIVE_STATE_DIRECTIVE } from '@shequ/kit/schema/live-state';
import { Kind, parse, type DocumentNode } from 'graphql';

export interface LiveFeed {
  /** The field of a message that names its item; undefined when a message is the whole state. */
  key: string | undefined;
}

/** Subscription root field name → feed; empty when nothing is marked. */
export type LiveFeeds = ReadonlyMap<string, LiveFeed>;

export function liveFeedsOf(supergraph: string | DocumentNode): LiveFeeds {
  const document = typeof supergraph === 'string' ? parse(supergraph, { noLocation: true }) : supergraph;
  let subscriptionType = 'Subscription';
  for (const def of document.definitions) {
    if (def.kind !== Kind.SCHEMA_DEFINITION) continue;
    const named = def.operationTypes.find((t) => t.operation === 'subscription');
    if (named) subscriptionType = named.type.name.value;
  }
  const feeds = new Map<string, LiveFeed>();
  for (const def of document.definitions) {
    if ((def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) || def.name.value !== subscriptionType) continue;
    for (const field of def.fields ?? []) {
      const directive = field.directives?.find((d) => d.name.value === LIVE_STATE_DIRECTIVE);
      if (!directive) continue;
      const key = directive.arguments?.find((a) => a.name.value === 'key')?.value;
      feeds.set(field.name.value, { key: key?.kind === Kind.STRING ? key.value : undefined });
    }
  }
  return feeds;
}
