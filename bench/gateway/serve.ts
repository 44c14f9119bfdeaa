// One gateway under test, as its own process: `shequ` (createGateway as npm start runs it, minus
// BENCH_LEAVE_OUT plugins), `hive` (the plain Hive runtime + Rust planner, no shequ plugins) or
// `apollo` (@apollo/gateway + @apollo/server). Every one signs its subgraph requests with the
// hub's upstream secret (the subgraphs refuse unsigned requests; there is no switch to turn that
// off): shequ through its identity plugin, the other two with the kit's signRequest in the
// smallest hook each offers. It tells the bench its URL over IPC.
import type { RemoteGraphQLDataSource as DataSource } from '@apollo/gateway';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadHubSecrets } from '@shequ/kit/auth/secrets';
import { signRequest } from '@shequ/kit/auth/upstream-signature';
import { dataRoot, repoRoot } from '@shequ/kit/paths';

const kind = process.argv[2];
const subgraphUrls = JSON.parse(process.env.BENCH_SUBGRAPH_URLS ?? '{}') as Record<string, string>;
const secrets = loadHubSecrets(process.env, dataRoot);
const supergraphPath = `${repoRoot}/schema/supergraph.graphql`;
const ready = (url: string) => process.send!({ url });
// Stopped at once, each gateway alike, and by a normal exit, which writes a --cpu-prof profile.
process.once('SIGTERM', () => process.exit(0));

if (kind === 'shequ') {
  const { startGatewayServer } = await import('@shequ/gateway/server');
  const leaveOut = (process.env.BENCH_LEAVE_OUT ?? '').split(',').filter(Boolean) as never[];
  const server = await startGatewayServer({ port: 0, host: '127.0.0.1', subgraphUrls, identity: secrets, leaveOut });
  ready(server.url);
} else if (kind === 'hive') {
  const { createGatewayRuntime } = await import('@graphql-hive/gateway-runtime');
  const { unifiedGraphHandler } = await import('@graphql-hive/router-runtime');
  const { defaultPrintFn } = await import('@graphql-tools/executor-common');
  const runtime = createGatewayRuntime({
    supergraph: supergraphPath,
    unifiedGraphHandler,
    logging: false,
    transportEntries: Object.fromEntries(Object.entries(subgraphUrls).map(([name, location]) => [name, { location }])),
    plugins: (): GatewayPlugin[] => [
      {
        onSubgraphExecute({ executionRequest }) {
          const { document, operationName, variables, extensions } = executionRequest;
          executionRequest.extensions = signRequest({ query: defaultPrintFn(document), operationName, variables, extensions }, secrets.upstreamSecret);
        },
      },
    ],
  });
  const server = http.createServer(runtime);
  server.listen(0, '127.0.0.1', () => ready(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`));
} else if (kind === 'apollo') {
  const { ApolloGateway, RemoteGraphQLDataSource } = await import('@apollo/gateway');
  const { ApolloServer } = await import('@apollo/server');
  const { startStandaloneServer } = await import('@apollo/server/standalone');
  // The composed URLs are the fixed ports; the bench's subgraphs run on free ones.
  const supergraphSdl = readFileSync(supergraphPath, 'utf8').replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (whole, name: string) =>
    subgraphUrls[name] ? `@join__graph(name: "${name}", url: "${subgraphUrls[name]}")` : whole,
  );
  class SignedDataSource extends RemoteGraphQLDataSource {
    override willSendRequest({ request }: Parameters<NonNullable<DataSource['willSendRequest']>>[0]) {
      request.extensions = signRequest(
        { query: request.query, operationName: request.operationName, variables: request.variables, extensions: request.extensions },
        secrets.upstreamSecret,
      );
    }
  }
  const gateway = new ApolloGateway({ supergraphSdl, buildService: ({ url }) => new SignedDataSource({ url }) });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  ready(url);
} else {
  throw new Error(`serve.ts shequ|hive|apollo, not ${kind}`);
}
