// `@liveState`: how a subgraph tells the gateway that a subscription is a state feed. Every
// message of such a subscription is the current state of what it covers — all of it, or with
// `key`, of the one item that the message's `key` field names — and supersedes earlier messages
// for the same item; the first messages are the current state. Knowing that, the gateway lets
// identical subscriptions share one upstream stream, and gives a subscriber who joins later the
// latest message of each item first (gateway/src/use-shared-subscriptions.ts). Subscriptions
// without it are event feeds: each subscriber gets its own stream. Partner subgraphs use it the
// same way, importing it from the URL below and naming it in `@composeDirective`.
import { DirectiveLocation, GraphQLDirective, GraphQLString } from 'graphql';

export const LIVE_STATE_DIRECTIVE = 'liveState';
export const LIVE_STATE_SPEC_URL = 'https://specs.shequ.dev/live/v1.0';

export const liveStateDirective = new GraphQLDirective({
  name: LIVE_STATE_DIRECTIVE,
  description:
    'This subscription is a state feed: each message is the current state of what it covers (with `key`: of the item its `key` field names) and supersedes earlier ones; it starts with the current state.',
  locations: [DirectiveLocation.FIELD_DEFINITION],
  args: { key: { type: GraphQLString, description: 'The field of the message that names the item it is the state of' } },
});

/** What `toSubGraphSchema` needs so that `@liveState` is defined, linked and composed into the supergraph. */
export const liveStateSchemaOptions = {
  directives: [liveStateDirective],
  composeDirectives: [`@${LIVE_STATE_DIRECTIVE}` as const],
  extensions: { directives: [{ name: 'link', args: { url: LIVE_STATE_SPEC_URL, import: [`@${LIVE_STATE_DIRECTIVE}`] } }] },
};
