// Operation limits, body size, batching, introspection, timeouts and rate limits: each refusal is
// a GraphQL error with a stable code (never a 5xx but the timeouts' 504), before any subgraph is asked.
import { getIntrospectionQuery } from 'graphql';
import { createClient } from 'graphql-ws';
import { randomUUID } from 'node:crypto';
import { redisAvailable, testRedisUrl } from '@shequ/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startRecords, startSecureGateway, type Answer, type Records, type SecureGateway } from './helpers/secure-hub.ts';

let records: Records;
let hub: SecureGateway;
const limits = { maxDepth: 6, maxAliases: 5, maxTokens: 400, maxDirectives: 4, maxCost: 500, defaultListSize: 20, maxBodyBytes: 2_000 };

beforeAll(async () => {
  records = await startRecords();
  hub = await startSecureGateway(records, { limits });
});
afterAll(async () => {
  await hub?.close();
  await records?.close();
});

function refusedFor(res: Answer, limit: string): void {
  expect(res.status).toBeGreaterThanOrEqual(200);
  expect(res.status).toBeLessThan(500);
  expect(res.data ?? null).toBeNull();
  expect(res.errors?.map((e) => e.extensions?.code)).toContain('OPERATION_LIMIT_EXCEEDED');
  expect(res.errors?.find((e) => e.extensions?.code === 'OPERATION_LIMIT_EXCEEDED')?.extensions?.limit).toBe(limit);
}

const nested = (depth: number) => `{ notices(first: 1) ${'{ related(first: 1) '.repeat(depth - 2)}{ id }${' }'.repeat(depth - 2)} }`;

describe('operation limits', () => {
  it('answers operations within every limit', async () => {
    const res = await hub.query(`query Dashboard { ${nested(6).slice(2, -2)} a: notices(first: 2) { id } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data?.a).toHaveLength(2);
  });

  it('refuses operations that are too deep, have too many aliases, directives or tokens', async () => {
    refusedFor(await hub.query(nested(7)), 'depth');
    refusedFor(await hub.query(`{ ${Array.from({ length: 6 }, (_, i) => `a${i}: notices(first: 1) { id }`).join(' ')} }`), 'aliases');
    refusedFor(await hub.query(`{ notices(first: 1) { ${Array.from({ length: 5 }, () => 'id @include(if: true)').join(' ')} } }`), 'directives');
    refusedFor(await hub.query(`{ notices(first: 1) { ${'id '.repeat(400)}} }`), 'tokens');
  });

  it('estimates cost with list sizes from first/last (also as variables), else the default size', async () => {
    // 20 notices x (1 + 20 related): 420 of 500.
    expect((await hub.query('{ notices { related { id } } }')).errors).toBeUndefined();
    // One level more: 20 + 400 + 8000.
    const costly = await hub.query('{ notices { related { related { id } } } }');
    refusedFor(costly, 'cost');
    expect(costly.errors?.[0]?.message).toMatch(/cost 8420 exceeds the limit of 500/);
    expect((await hub.query('{ notices(first: 3) { related(first: 3) { related(first: 3) { id } } } }')).errors).toBeUndefined();
    const viaVariable = 'query($n: Int) { notices(first: $n) { related(first: $n) { related(first: $n) { id } } } }';
    expect((await hub.query(viaVariable, { n: 3 })).errors).toBeUndefined();
    refusedFor(await hub.query(viaVariable, { n: 50 }), 'cost');
  });

  it('refuses a body over the limit with 413, declared or chunked', async () => {
    const big = JSON.stringify({ query: `{ notices { id } } # ${'x'.repeat(3_000)}` });
    const declared = await hub.post(big);
    expect(declared.status).toBe(413);
    expect(declared.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');

    const chunked = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 4; i++) controller.enqueue(new TextEncoder().encode(i === 0 ? big.slice(0, 1_000) : 'x'.repeat(1_000)));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(((await chunked.json()) as Answer).errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');

    const smallChunked = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(JSON.stringify({ query: '{ notices(first: 1) { id } }' })));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(await smallChunked.json()).toEqual({ data: { notices: [{ id: 'n1' }] } });
  });

  it('refuses batches while batching is off, and caps them when it is on', async () => {
    const batch = [{ query: '{ notices(first: 1) { id } }' }, { query: '{ notices(first: 1) { title } }' }];
    const off = await hub.post(batch);
    expect(off.status).toBeGreaterThanOrEqual(400);
    expect(off.status).toBeLessThan(500);

    const batching = await startSecureGateway(records, { limits: { batchLimit: 2 } });
    try {
      const res = await fetch(batching.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(batch) });
      expect(await res.json()).toEqual([{ data: { notices: [{ id: 'n1' }] } }, { data: { notices: [{ title: 'Water outage on Minzu Road' }] } }]);
      const tooMany = await batching.post([...batch, ...batch]);
      expect(tooMany.status).toBeGreaterThanOrEqual(400);
      expect(tooMany.status).toBeLessThan(500);
    } finally {
      await batching.close();
    }
  });
});

describe('introspection and field suggestions', () => {
  it('allows both in development, and turns both off when production settings say so', async () => {
    expect((await hub.query('{ __schema { queryType { name } } }')).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const defaults = await startSecureGateway(records);
    try {
      // What GraphiQL asks, within the default limits.
      const full = await defaults.query(
        getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true }),
      );
      expect(full.errors).toBeUndefined();
      expect(full.data?.__schema?.queryType).toMatchObject({ name: 'Query' });
    } finally {
      await defaults.close();
    }
    expect((await hub.query('{ notice { id } }')).errors?.[0]?.message).toMatch(/Did you mean "notices"/);

    const production = await startSecureGateway(records, { introspection: false, blockFieldSuggestions: true });
    try {
      const introspection = await production.query('{ __schema { queryType { name } } }');
      expect(introspection.data ?? null).toBeNull();
      expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
      const typo = await production.query('{ notice { id } }');
      expect(typo.errors?.[0]?.message).toBe('Cannot query field "notice" on type "Query".');
      const page = await fetch(production.url, { headers: { accept: 'text/html' } });
      expect(await page.text()).not.toMatch(/graphiql/i);
    } finally {
      await production.close();
    }
  });
});

describe('timeouts', () => {
  it('ends a slow subgraph call with GATEWAY_TIMEOUT, and a slow request with 504 REQUEST_TIMEOUT', async () => {
    const slowSubgraph = await startSecureGateway(records, { subgraphTimeoutMs: 200 });
    const slowRequest = await startSecureGateway(records, { requestTimeoutMs: 200 });
    try {
      const upstream = await slowSubgraph.query('{ slow(ms: 1000) notices(first: 1) { id } }');
      expect(upstream.errors?.[0]?.extensions?.code).toBe('GATEWAY_TIMEOUT');
      const whole = await slowRequest.query('{ slow(ms: 1000) }');
      expect(whole.status).toBe(504);
      expect(whole.errors?.[0]?.extensions?.code).toBe('REQUEST_TIMEOUT');
      // Fast requests are unaffected.
      expect((await slowRequest.query('{ slow(ms: 10) }')).data).toEqual({ slow: 'done' });
    } finally {
      await Promise.all([slowSubgraph.close(), slowRequest.close()]);
    }
  });
});

const hasRedis = await redisAvailable();

describe('rate limits', () => {
  it('limits each token subject, else each client address, with 429 RATE_LIMITED and Retry-After; services are exempt', async () => {
    const limited = await startSecureGateway(records, { rateLimit: { perMinute: 60, burst: 3 } });
    try {
      const ask = (as?: Parameters<SecureGateway['query']>[2]) => limited.query('{ notices(first: 1) { id } }', {}, as);
      const alice = { role: 'RESIDENT' as const, sub: 'resident-alice' };
      for (let i = 0; i < 3; i++) expect((await ask(alice)).status).toBe(200);
      const refused = await ask(alice);
      expect(refused.status).toBe(429);
      // 60 per minute with a burst of 3: 3 per 3 s window, so back within 3 s.
      const wait = Number(refused.headers.get('retry-after'));
      expect(wait).toBeGreaterThanOrEqual(1);
      expect(wait).toBeLessThanOrEqual(3);
      expect(refused.errors).toEqual([{ message: `Too many requests; try again in ${wait} s`, extensions: { code: 'RATE_LIMITED', retryAfterSeconds: wait } }]);

      expect((await ask({ role: 'RESIDENT', sub: 'resident-bob' })).status).toBe(200);
      for (let i = 0; i < 5; i++) expect((await ask({ role: 'SERVICE', sub: 'service:evaluations' })).status).toBe(200);
      const anonymous = await Promise.all(Array.from({ length: 5 }, () => ask()));
      expect(anonymous.map((r) => r.status).sort()).toEqual([200, 200, 200, 429, 429]);

      // Over graphql-ws each operation counts, with the connection's token.
      const token = await limited.token({ role: 'RESIDENT', sub: 'resident-carol' });
      const client = createClient({
        url: limited.url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: { authorization: token },
      });
      try {
        const codes: (string | undefined)[] = [];
        for (let i = 0; i < 4; i++) {
          for await (const event of client.iterate({ query: 'subscription { ticks(count: 1) }' })) {
            codes.push((event.errors?.[0]?.extensions as { code?: string } | undefined)?.code);
          }
        }
        expect(codes).toEqual([undefined, undefined, undefined, 'RATE_LIMITED']);
      } finally {
        await client.dispose();
      }
    } finally {
      await limited.close();
    }
  });

  it.skipIf(!hasRedis)('counts a caller once across gateway replicas when REDIS_URL is set', async () => {
    const shared = { perMinute: 60, burst: 3, redisUrl: testRedisUrl };
    const replicas = [await startSecureGateway(records, { rateLimit: shared }), await startSecureGateway(records, { rateLimit: shared })];
    try {
      // Each replica's store connection is up once it has answered someone.
      await Promise.all(replicas.map((r) => r.query('{ notices(first: 1) { id } }', {}, { role: 'SERVICE', sub: 'service:warm-up' })));
      await new Promise((resolve) => setTimeout(resolve, 200));
      const caller = { role: 'RESIDENT' as const, sub: `resident-${randomUUID()}` };
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await replicas[i % 2]!.query('{ notices(first: 1) { id } }', {}, caller)).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    } finally {
      await Promise.all(replicas.map((r) => r.close()));
    }
  });
});
