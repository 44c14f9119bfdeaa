// GraphiQL from the hub's own assets: `@graphql-yoga/render-graphiql` inlines GraphiQL, its
// editor and its workers into the page, so it works on the offline machines this hub is built
// for (the runtime's default page loads all of it from unpkg). Subscriptions run over
// graphql-ws, as the dashboards' do.
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

/** The README's first query: what a newcomer sees and can run at once. */
export const firstQuery = `# shequ 社区: one GraphQL endpoint over every subgraph of the hub.
# Run it with ▶ (Ctrl-Enter). Subscriptions work too, e.g.
#   subscription { campaignProgress(campaignId: "campaign-2026-h2") { ballotsCast turnout } }
{
  streets {
    id
    name
    nameEn
    communities { id name nameEn population }
  }
}
`;

export const graphiqlOptions = {
  title: 'shequ 社区 · GraphiQL',
  defaultQuery: firstQuery,
  subscriptionsProtocol: 'WS',
} as const;

export { renderGraphiQL };
