// The GraphQL shape of an accountability event, declared identically by every subgraph that
// records part of the trail (a shareable value type), so that the gateway can pass one
// subgraph's events to another through @requires and the merged timeline has one type.
import { accountabilityEventKindDescriptions, accountabilityEventKinds, type AccountabilityEvent } from '../accountability/timeline.js';
import type { SubgraphBuilder } from './builder.js';

/** An event as it arrives in an entity representation: JSON, so the instant is a string. */
export type AccountabilityEventJson = Omit<AccountabilityEvent, 'at'> & { at: string };

export const eventFromJson = (e: AccountabilityEventJson): AccountabilityEvent => ({ ...e, at: new Date(e.at) });

/** The fields another subgraph selects with @requires to receive these events. */
export const accountabilityEventSelection = '{ at kind summary subjectId communityId }';

type Types<B> = B extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** `community`: the subgraph's reference to committees' Community, so a reader gets its name. */
export function defineAccountabilityEvent<P extends object, DB>(
  builder: SubgraphBuilder<P, DB>,
  community: PothosSchemaTypes.ObjectRef<Types<SubgraphBuilder<P, DB>>, { id: string }>,
) {
  const kind = builder.enumType('AccountabilityEventKind', {
    description: 'What happened, in the order events on the same instant are listed',
    values: Object.fromEntries(accountabilityEventKinds.map((k) => [k, { description: accountabilityEventKindDescriptions[k] }])) as Record<
      (typeof accountabilityEventKinds)[number],
      { description: string }
    >,
  });
  return builder.objectRef<AccountabilityEvent>('AccountabilityEvent').implement({
    description: "One dated step of a unit's accountability trail (scores, bad reviews, rectification, commitments, delegated work)",
    shareable: true,
    fields: (t) => ({
      at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
      kind: t.field({ type: kind, resolve: (e) => e.kind }),
      summary: t.exposeString('summary'),
      subjectId: t.exposeID('subjectId', { description: 'The campaign, case, commitment or task it is about' }),
      communityId: t.exposeID('communityId', { nullable: true, description: 'The community concerned, when there is one' }),
      community: t.field({ type: community, nullable: true, resolve: (e) => (e.communityId ? { id: e.communityId } : null) }),
    }),
  });
}
