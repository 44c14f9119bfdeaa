import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHook } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { composeSupergraph } from '@shequ/kit/federation/supergraph';
import { createGateway, type Gateway } from '../src/create-gateway.ts';
import { startGatewayServer, type GatewayServer } from '../src/server.ts';
import { query, subscribeSse, subscribeWs, type GraphQLResponse } from './helpers/client.ts';
import { communitiesSdl, startCommunities, startStreets, streetsSdl, streetsSdlWithLength } from './helpers/fixtures.ts';
import type { RunningSubgraph } from './helpers/subgraph.ts';

type Streets = { streets: { id: string; name: string; communities: { name: string }[] | null }[] };
const streetsQuery = '{ streets { id name communities { name } } }';
const subscription = 'subscription { communityCreated(count: 3) { id name street { name } } }';
/** Nothing listens here: the supergraph's URL for `streets` only works through `subgraphUrls`. */
const deadUrl = 'http://127.0.0.1:9/graphql';

let streets: RunningSubgraph;
let communities: RunningSubgraph;
let dir: string;
let supergraphFile: string;
let server: GatewayServer;
let jsGateway: Gateway;

function compose(streetsVersion: string, communitiesUrl = communities.url): string {
  return composeSupergraph([
    { name: 'streets', url: deadUrl, sdl: streetsVersion },
    { name: 'communities', url: communitiesUrl, sdl: communitiesSdl },
  ]);
}

async function jsQuery(text: string): Promise<GraphQLResponse<Streets>> {
  const res = await jsGateway.runtime.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: text }),
  });
  return { status: res.status, ...((await res.json()) as object) };
}

beforeAll(async () => {
  [streets, communities] = await Promise.all([startStreets(), startCommunities()]);
  dir = await mkdtemp(path.join(tmpdir(), 'shequ-gateway-'));
  supergraphFile = path.join(dir, 'supergraph.graphql');
  await writeFile(supergraphFile, compose(streetsSdl));
  // No response cache: reloads and outages must show in the very next answer (response-cache.e2e.ts covers the cache).
  server = await startGatewayServer({
    port: 0,
    supergraph: supergraphFile,
    pollIntervalMs: 25,
    subgraphUrls: { streets: streets.url },
    security: { responseCache: { ttlMs: 0 } },
  });
  // Its own copy of the file: the tests below write bad supergraphs into the shared one.
  const jsFile = path.join(dir, 'supergraph-js.graphql');
  await writeFile(jsFile, compose(streetsSdl));
  jsGateway = await createGateway({
    supergraph: jsFile,
    queryPlanner: 'js',
    subgraphUrls: { streets: streets.url },
    security: { responseCache: { ttlMs: 0 } },
  });
});

afterAll(async () => {
  await server?.close();
  await jsGateway?.dispose();
  await Promise.all([streets?.close(), communities?.close()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('gateway', () => {
  it('answers /healthz and /readyz, serves GraphiQL to a browser on GET /graphql, 404s elsewhere', async () => {
    const base = server.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
    const page = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('<title>shequ 社区 · GraphiQL</title>');
    // Its scripts, styles and icon are in the page: nothing is loaded from elsewhere (offline machines).
    const markup = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/g, '<$1></$1>');
    expect(markup.match(/\b(?:src|href)="(?!data:)[^"]*"/g) ?? []).toEqual([]);
    expect(html).not.toMatch(/unpkg\.com|jsdelivr|githubusercontent/);
    expect(server.gateway.queryPlanner).toBe('rust');
  });

  it('joins an entity across subgraphs with the Rust planner, reaching a subgraph through its URL override', async () => {
    const res = await query<Streets>(server.url, streetsQuery);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      streets: [
        { id: 's1', name: 'Hanzheng Street', communities: [{ name: 'Minquan' }, { name: 'Shuita' }] },
        { id: 's2', name: 'Jianghan Road', communities: [{ name: 'Qianjin' }] },
      ],
    });
    expect(await jsQuery(streetsQuery)).toEqual({ status: 200, data: res.data });
    expect(jsGateway.queryPlanner).toBe('js');
  });

  it("passes a subgraph's client error through with its code, and masks an internal one without leaking", async () => {
    const rejected = await query(server.url, '{ rejectInput }');
    expect(rejected.errors).toEqual([{ message: 'Name must not be empty', path: ['rejectInput'], extensions: { code: 'BAD_USER_INPUT', field: 'name' } }]);

    const crashed = await query(server.url, '{ crash }');
    expect(crashed.data).toEqual({ crash: null });
    expect(crashed.errors).toEqual([{ message: 'Unexpected error.', path: ['crash'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(JSON.stringify([rejected, crashed])).not.toMatch(/stacktrace|db-internal|fixtures\.ts|communities/);

    const invalid = await query(server.url, '{ nope }');
    expect(invalid.status).toBeLessThan(500);
    expect(invalid.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it("streams a subgraph's subscription over graphql-ws and over SSE, resolving entity fields from the other subgraph", async () => {
    const expected = [0, 1, 2].map((i) => ({ data: { communityCreated: { id: `n${i}`, name: `New ${i}`, street: { name: 'Jianghan Road' } } } }));
    const overWs = await subscribeWs(server.url, subscription);
    expect(overWs.map(({ data, errors }) => ({ data, errors }))).toEqual(expected.map((e) => ({ ...e, errors: undefined })));

    const overSse = await subscribeSse(server.url, subscription);
    expect(overSse.contentType).toMatch(/text\/event-stream/);
    expect(overSse.events).toEqual(expected);
  });

  it('picks up a rewritten supergraph without restart while requests keep flowing, with zero failures', async () => {
    const before = await query(server.url, '{ streets { length } }');
    expect(before.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    let running = true;
    let completed = 0;
    const failures: unknown[] = [];
    const worker = async () => {
      while (running) {
        try {
          const res = await query<Streets>(server.url, streetsQuery);
          if (res.status !== 200 || res.errors || res.data?.streets?.[0]?.communities?.length !== 2) failures.push(res);
        } catch (error) {
          failures.push(String(error));
        }
        completed++;
      }
    };
    const workers = Array.from({ length: 4 }, worker);
    // Requests in flight before the rewrite (counted, not timed: the machine may be busy).
    await vi.waitFor(() => expect(completed).toBeGreaterThan(10), { timeout: 10_000, interval: 10 });
    await writeFile(supergraphFile, compose(streetsSdlWithLength));
    await vi.waitFor(
      async () => {
        const after = await query<{ streets: { length: number }[] }>(server.url, '{ streets { length } }');
        expect(after.errors).toBeUndefined();
        expect(after.data?.streets.map((s) => s.length)).toEqual([1200, 900]);
      },
      { timeout: 5_000, interval: 25 },
    );
    // And some after it.
    const atReload = completed;
    await vi.waitFor(() => expect(completed).toBeGreaterThan(atReload + 10), { timeout: 10_000, interval: 10 });
    running = false;
    await Promise.all(workers);
    expect(failures).toEqual([]);
  });

  it('rejects a bad supergraph file and keeps serving the last good one', async () => {
    const bad = [
      'this is not GraphQL',
      'type Query { hello: String }',
      compose(streetsSdl, ''), // composes, but the gateway would not know where `communities` lives
    ];
    for (const content of bad) {
      await writeFile(supergraphFile, content);
      await sleep(100); // several poll intervals
      expect(await server.gateway.source.refresh()).toBe(false);
      const res = await query<{ streets: { length: number }[] }>(server.url, '{ streets { length communities { name } } }');
      expect(res.errors).toBeUndefined();
      expect(res.data?.streets.map((s) => s.length)).toEqual([1200, 900]);
    }
    const base = server.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });

  it('when a subgraph is down: data from the others, plus SUBGRAPH_UNAVAILABLE naming it (both planners); back up, whole again', async () => {
    const port = communities.port;
    await communities.close();
    try {
      for (const res of [await query<Streets>(server.url, streetsQuery), await jsQuery(streetsQuery)]) {
        expect(res.status).toBe(200);
        expect(res.data?.streets.map((s) => s.name)).toEqual(['Hanzheng Street', 'Jianghan Road']);
        expect(res.data?.streets.every((s) => s.communities === null)).toBe(true);
        expect(res.errors?.length).toBeGreaterThan(0);
        for (const error of res.errors!) {
          expect(error.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'communities' });
          expect(error.message).toBe('Subgraph "communities" is unavailable');
        }
      }

      const rootLevel = await query<{ streets: unknown[]; communities: unknown }>(server.url, '{ streets { name } communities { name } }');
      expect(rootLevel.data?.streets).toHaveLength(2);
      expect(rootLevel.data?.communities).toBeNull();
      expect(rootLevel.errors?.[0]?.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'communities' });

      const overWs = await subscribeWs(server.url, subscription);
      expect(overWs.flatMap((e) => e.errors ?? []).map((e) => e.extensions)).toEqual([{ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'communities' }]);
    } finally {
      communities = await startCommunities(port);
    }
    const again = await query<Streets>(server.url, streetsQuery);
    expect(again.errors).toBeUndefined();
    expect(again.data?.streets.flatMap((s) => s.communities)).toHaveLength(3);
  });

  it('refuses a port in use with the listen error, leaving nothing running', async () => {
    await expect(startGatewayServer({ port: server.port, supergraph: supergraphFile })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  it('chooses the planner from QUERY_PLANNER and refuses an unknown one', async () => {
    const saved = process.env.QUERY_PLANNER;
    try {
      process.env.QUERY_PLANNER = 'js';
      const fromEnv = await createGateway({ supergraph: path.join(dir, 'supergraph-js.graphql') });
      expect(fromEnv.queryPlanner).toBe('js');
      await fromEnv.dispose();
      process.env.QUERY_PLANNER = 'fast';
      await expect(createGateway({ supergraph: supergraphFile })).rejects.toThrow(/QUERY_PLANNER/);
    } finally {
      if (saved === undefined) delete process.env.QUERY_PLANNER;
      else process.env.QUERY_PLANNER = saved;
    }
  });
});

describe('a new supergraph under open subscriptions', () => {
  it('keeps them: each is started again on the new one; one it no longer serves ends with SCHEMA_RELOAD', async () => {
    const file = path.join(dir, 'under-subscriptions.graphql');
    await writeFile(file, compose(streetsSdl));
    const gw = await startGatewayServer({ port: 0, supergraph: file, pollIntervalMs: 25, subgraphUrls: { streets: streets.url } });
    const client = createClient({ url: gw.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
    const ids: string[] = [];
    const errors: unknown[] = [];
    let ended = '';
    const done = (async () => {
      try {
        for await (const event of client.iterate<{ communityCreated: { id: string } }>({ query: 'subscription { communityCreated(count: 100000) { id } }' })) {
          if (event.errors) errors.push(...event.errors);
          if (event.data) ids.push(event.data.communityCreated.id);
        }
        ended = 'completed';
      } catch (error) {
        ended = `failed ${JSON.stringify(error)}`;
      }
    })();
    try {
      await vi.waitFor(() => expect(ids.length).toBeGreaterThan(3), { timeout: 5_000, interval: 10 });
      await writeFile(file, compose(streetsSdlWithLength));
      // The subgraph's stream counts from n0 again: it was started anew, on the same socket.
      await vi.waitFor(() => expect(ids.lastIndexOf('n0')).toBeGreaterThan(0), { timeout: 5_000, interval: 10 });
      const afterReload = ids.length;
      await vi.waitFor(() => expect(ids.length).toBeGreaterThan(afterReload + 3), { timeout: 5_000, interval: 10 });
      expect(ended).toBe('');
      expect(errors).toEqual([]);

      const withoutSubscription = communitiesSdl.replace(/type Subscription \{[^}]*\}/, '');
      await writeFile(
        file,
        composeSupergraph([
          { name: 'streets', url: deadUrl, sdl: streetsSdlWithLength },
          { name: 'communities', url: communities.url, sdl: withoutSubscription },
        ]),
      );
      await vi.waitFor(() => expect(ended).toBe('completed'), { timeout: 5_000, interval: 10 });
      expect(errors).toEqual([
        expect.objectContaining({
          extensions: expect.objectContaining({ code: 'SCHEMA_RELOAD' }),
          message: expect.stringMatching(/no longer serves this subscription: This graph has no subscription operations/),
        }),
      ]);
    } finally {
      await client.dispose();
      await done;
      await gw.close();
    }
  });
});

describe('gateway without a supergraph yet', () => {
  it('is alive but not ready, then ready once a valid supergraph appears', async () => {
    const file = path.join(dir, 'later.graphql');
    const late = await startGatewayServer({ port: 0, supergraph: file, pollIntervalMs: 25, subgraphUrls: { streets: streets.url } });
    try {
      const base = late.url.replace(/\/graphql$/, '');
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect((await fetch(`${base}/readyz`)).status).toBe(503);
      const early = await query(late.url, streetsQuery);
      expect(early.data ?? null).toBeNull();
      expect(JSON.stringify(early)).not.toMatch(/later\.graphql|ENOENT/);

      await writeFile(file, compose(streetsSdl));
      await vi.waitFor(async () => expect((await fetch(`${base}/readyz`)).status).toBe(200), { timeout: 3_000, interval: 25 });
      expect((await query<Streets>(late.url, streetsQuery)).data?.streets).toHaveLength(2);
    } finally {
      await late.close();
    }
  });
});

describe('close()', () => {
  it('leaves no open servers, sockets or timers behind', async () => {
    const types = ['TCPServerWrap', 'TCPSocketWrap'];
    const open = () => Object.fromEntries(types.map((t) => [t, process.getActiveResourcesInfo().filter((r) => r === t).length]));
    const before = open();
    // Timers are counted by who made them: the test runner's own (waitFor's among them) come and go.
    using timers = trackTimers();

    // Its own subgraphs, so that every socket this test opens is also closed by it.
    const [ownStreets, ownCommunities] = await Promise.all([startStreets(), startCommunities()]);
    const file = path.join(dir, 'handles.graphql');
    await writeFile(
      file,
      composeSupergraph([
        { name: 'streets', url: ownStreets.url, sdl: streetsSdl },
        { name: 'communities', url: ownCommunities.url, sdl: communitiesSdl },
      ]),
    );
    const gw = await startGatewayServer({ port: 0, supergraph: file, pollIntervalMs: 25 });
    expect((await query(gw.url, streetsQuery)).errors).toBeUndefined();
    expect(await subscribeWs(gw.url, subscription)).toHaveLength(3);
    expect((await subscribeSse(gw.url, subscription)).events).toHaveLength(3);
    await gw.close();
    await Promise.all([ownStreets.close(), ownCommunities.close()]);
    timers.stop();

    // Handles are released on the tick after their close callbacks; allow a moment.
    await vi.waitFor(
      () => {
        const now = open();
        for (const type of types) expect(`${type} ${now[type]}`).toBe(`${type} ${Math.min(now[type]!, before[type]!)}`);
        expect(timers.holdingProcess()).toEqual([]);
      },
      { timeout: 2_000, interval: 20 },
    );
  });

  it('ends open graphql-ws and SSE subscriptions and returns promptly', async () => {
    const file = path.join(dir, 'open-streams.graphql');
    await writeFile(file, compose(streetsSdl));
    const gw = await startGatewayServer({ port: 0, supergraph: file, subgraphUrls: { streets: streets.url } });
    const endless = 'subscription { communityCreated(count: 100000) { id } }';
    const received = { ws: 0, sse: 0 };

    const client = createClient({ url: gw.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
    const wsDone = (async () => {
      try {
        for await (const _ of client.iterate({ query: endless })) received.ws++;
        return 'completed';
      } catch (error) {
        return `closed ${(error as { code?: number }).code}`;
      }
    })();
    const sse = await fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: endless }),
    });
    const sseDone = (async () => {
      const reader = sse.body!.getReader();
      try {
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
          if (Buffer.from(chunk.value).toString().includes('event: next')) received.sse++;
        }
        return 'ended';
      } catch {
        return 'ended'; // a reset is an end too
      }
    })();
    await vi.waitFor(() => expect(received.ws > 0 && received.sse > 0).toBe(true), { timeout: 3_000, interval: 20 });

    const started = Date.now();
    await gw.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await wsDone).toBe('closed 1001');
    expect(await sseDone).toBe('ended');
    await client.dispose();
  });
});

/** Timers created from now until stop(); holdingProcess() lists those still pending that keep the process alive. */
function trackTimers() {
  const pending = new Map<number, { timer: { hasRef?: () => boolean }; stack: string }>();
  let recording = true;
  const hook = createHook({
    init(id, type, _trigger, timer) {
      if (recording && type === 'Timeout') pending.set(id, { timer: timer as { hasRef?: () => boolean }, stack: new Error().stack ?? '' });
    },
    destroy(id) {
      pending.delete(id);
    },
  }).enable();
  return {
    stop: () => void (recording = false),
    holdingProcess: () => [...pending.values()].filter(({ timer }) => timer.hasRef?.() ?? true).map(({ stack }) => stack.split('\n').slice(5, 9).join(' | ')),
    [Symbol.dispose]: () => void hook.disable(),
  };
}
