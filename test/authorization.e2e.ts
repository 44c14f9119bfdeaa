// The authorization matrix: every row of every file in test/authorization/ (one per subgraph), asked
// through the whole hub by anonymous callers and by each role; and, for every subgraph of the
// repository, proof that it answers only the gateway.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { signRequest } from '@shequ/kit';
import { gatewaySignedExtensions, postGraphQL, startTestFederation, type TestFederation } from '@shequ/testing';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadSubgraphs } from '../scripts/subgraphs.js';
import { callers, personas, valuesAt, verdict, type AuthorizationSuite } from './authorization/matrix.js';

const folder = fileURLToPath(new URL('./authorization/', import.meta.url));
const suites: AuthorizationSuite[] = [];
for (const file of readdirSync(folder)
  .filter((f) => f.endsWith('.ts') && f !== 'matrix.ts')
  .sort()) {
  suites.push(((await import(`./authorization/${file}`)) as { default: AuthorizationSuite }).default);
}
// The whole hub, so that every subgraph in the repository is checked below, rows or not.
const subgraphs = await loadSubgraphs();

let hub: TestFederation;
const fixtures = new Map<AuthorizationSuite, unknown>();
beforeAll(async () => {
  hub = await startTestFederation({ subgraphs });
  const ask = async <T>(operation: string, variables?: Record<string, unknown>): Promise<T> => {
    const res = await hub.query<T>(operation, variables, personas.DISTRICT_ADMIN);
    if (res.errors || !res.data) throw new Error(`fixture query failed: ${operation}: ${JSON.stringify(res.errors)}`);
    return res.data;
  };
  for (const suite of suites) fixtures.set(suite, await suite.fixtures?.(ask));
  // Starting six subgraphs on a shared two-core machine can take minutes.
}, 480_000);
afterAll(() => hub?.close());

const resolve = <T>(value: T | ((fixtures: unknown) => T), suite: AuthorizationSuite): T =>
  typeof value === 'function' ? (value as (fixtures: unknown) => T)(fixtures.get(suite)) : value;

describe.each(suites.map((s) => [s.subgraph.name, s] as const))('authorization matrix: %s', (_name, suite) => {
  // One row at a time: eleven requests at once is what a loaded two-core machine answers in time.
  it.for(suite.rows.map((row) => [row.name, row] as const))('%s', async ([, row], { expect }) => {
    const variables = resolve(row.variables ?? {}, suite);
    const as = resolve(row.as ?? {}, suite);
    const allowedCallers = resolve(row.allowed, suite);
    // The columns are independent (mutations change nothing), so they are asked at once.
    const wrong = await Promise.all(
      callers.map(async (caller): Promise<string | null> => {
        const claims = caller === 'ANONYMOUS' ? null : (as[caller] ?? personas[caller]);
        const res = await hub.query(row.operation, variables, claims);
        const allowed = allowedCallers.includes(caller);
        const { refused, summary } = verdict(res);
        if (res.status >= 500 || res.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) return `${caller}: answered ${summary}`;
        if (allowed && refused) return `${caller}: should pass, was refused: ${summary}`;
        if (!allowed && refused !== (caller === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'FORBIDDEN')) return `${caller}: should be refused, got ${summary}`;
        if (allowed && row.sees) {
          const paths = typeof row.sees.path === 'string' ? [row.sees.path] : row.sees.path;
          const present = (path: string) => valuesAt(res.data, path).filter((v) => v !== null && v !== undefined);
          if (row.sees.by.includes(caller)) {
            if (!present(paths[0]!).length) return `${caller}: should see ${paths[0]}, got ${summary} ${JSON.stringify(res.data)}`;
          } else {
            const leaked = paths.filter((p) => present(p).length);
            if (leaked.length) return `${caller}: must not see ${leaked.join(', ')}, got ${JSON.stringify(res.data).slice(0, 300)}`;
          }
        }
        try {
          row.expect?.(res, caller, allowed);
        } catch (error) {
          return `${caller}: ${(error as Error).message}`;
        }
        return null;
      }),
    );
    expect(wrong.filter(Boolean)).toEqual([]);
  });
});

describe('subgraphs answer only the gateway', () => {
  const query = '{ __typename }';
  it.each(subgraphs.map((s) => s.name))(
    '%s refuses unsigned, forged, tampered, stale and replayed requests (HTTP and graphql-ws), and keeps its health endpoint open',
    async (name) => {
      const subgraph = hub.subgraphs[name]!;
      const admin = { role: 'DISTRICT_ADMIN' };

      const unsigned = await postGraphQL(subgraph.url, query);
      const forged = await postGraphQL(subgraph.url, query, {}, {}, gatewaySignedExtensions(query, {}, admin, 'not-the-gateway-secret-not-the-gateway'));
      const signedAsResident = gatewaySignedExtensions(query, {}, { role: 'RESIDENT' }, hub.secrets.upstreamSecret);
      const escalated = await postGraphQL(subgraph.url, query, {}, {}, { ...signedAsResident, jwt: { payload: admin } });
      const stale = await postGraphQL(
        subgraph.url,
        query,
        {},
        {},
        signRequest({ query, extensions: { jwt: { payload: admin } } }, hub.secrets.upstreamSecret, Date.now() - 10 * 60_000),
      );
      for (const res of [unsigned, forged, escalated, stale]) {
        expect(res.status).toBe(401);
        expect(res.data ?? null).toBeNull();
        expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      }

      const overWs = createClient({ url: subgraph.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
      try {
        const refusal = await overWs
          .iterate({ query: 'subscription { __typename }' })
          .next()
          .then(
            () => 'answered',
            (errors: unknown) => JSON.stringify(errors),
          );
        expect(refusal).toMatch(/UNAUTHENTICATED/);
      } finally {
        await overWs.dispose();
      }

      const signed = gatewaySignedExtensions(query, {}, admin, hub.secrets.upstreamSecret);
      const genuine = await postGraphQL(subgraph.url, query, {}, {}, signed);
      expect(genuine.data).toEqual({ __typename: 'Query' });
      const replayed = await postGraphQL(subgraph.url, query, {}, {}, signed);
      expect(replayed.status).toBe(401);
      expect(replayed.errors?.[0]?.message).toMatch(/replayed/i);
      expect((await fetch(subgraph.url.replace(/\/graphql$/, '/healthz'))).status).toBe(200);
    },
  );
});
