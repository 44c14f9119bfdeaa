// The gateway's edges: integers the query planner cannot read, the status of limit refusals for
// every kind of caller, bodies a browser sends cross-site without asking (forms, text), CORS
// from an allow-list only, and the body-size limit over graphql-ws.
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startRecords, startSecureGateway, type Answer, type Records, type SecureGateway } from './helpers/secure-hub.ts';

let records: Records;
let hub: SecureGateway;
const allowed = 'https://dashboard.example';

beforeAll(async () => {
  records = await startRecords();
  hub = await startSecureGateway(records, { limits: { maxDepth: 3, maxBodyBytes: 4_000 }, corsOrigins: [allowed, 'https://other.example'] });
});
afterAll(async () => {
  await hub?.close();
  await records?.close();
});

async function send(init: RequestInit & { headers?: Record<string, string> }, search = ''): Promise<Answer> {
  const res = await fetch(`${hub.url}${search}`, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, ...(text ? (JSON.parse(text) as object) : {}) };
}

describe('integer literals beyond 64 bits', () => {
  it('are BAD_USER_INPUT in ID and custom-scalar arguments, lists, objects and variable defaults, never reaching the planner', async () => {
    for (const query of [
      '{ lookup(id: 99999999999999999999) { id } }',
      '{ lookup(id: 9223372036854775808) { id } }',
      '{ lookup(id: -9223372036854775809) { id } }',
      '{ lookup(id: "n1", at: 99999999999999999999) { id } }',
      '{ lookup(id: "n1", at: [1, { a: 99999999999999999999 }]) { id } }',
      'query($x: ID = 99999999999999999999) { lookup(id: $x) { id } }',
    ]) {
      const res = await hub.query(query);
      expect(res.status, query).toBe(400);
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions?.code, query).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(/is out of range .*send a larger number or ID as a string/);
    }
  });

  it('still answers the largest 64-bit integers, and big numbers sent as strings or variables', async () => {
    expect(await hub.query('{ lookup(id: 9223372036854775807) { id } }')).toMatchObject({ status: 200, data: { lookup: null } });
    expect(await hub.query('{ lookup(id: "99999999999999999999") { id } }')).toMatchObject({ status: 200, data: { lookup: null } });
    // biome-ignore lint/correctness/noPrecisionLoss: a number too big for a double, as a client would send it
    expect(await hub.query('query($x: ID!) { lookup(id: $x) { id } }', { x: 99999999999999999999 })).toMatchObject({ status: 200, data: { lookup: null } });
  });
});

describe('operation-limit refusals', () => {
  it('are 400 OPERATION_LIMIT_EXCEEDED whatever the caller accepts, and over GET', async () => {
    const deep = '{ notices { related { related { id } } } }';
    const body = JSON.stringify({ query: deep });
    for (const accept of ['application/graphql-response+json, application/json', 'application/json', 'application/graphql-response+json', '*/*', undefined]) {
      const res = await send({ method: 'POST', headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}) }, body });
      expect(res.status, `accept: ${accept}`).toBe(400);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'depth' });
    }
    const viaGet = await send({ headers: { accept: 'application/json' } }, `?query=${encodeURIComponent(deep)}`);
    expect(viaGet.status).toBe(400);
    expect(viaGet.errors?.[0]?.extensions?.code).toBe('OPERATION_LIMIT_EXCEEDED');
  });
});

describe('content types', () => {
  it('refuses forms, multipart and text bodies with 415 before anything runs; JSON runs', async () => {
    const asked = records.echoes.length;
    const operation = '{ echo(note: "csrf") { requestId } }';
    const form = await send({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `query=${encodeURIComponent(operation)}`,
    });
    const multipart = new FormData();
    multipart.set('operations', JSON.stringify({ query: operation }));
    multipart.set('map', '{}');
    const refused = [
      form,
      await send({ method: 'POST', body: multipart }),
      await send({ method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: operation }) }),
      await send({ method: 'POST', headers: { 'content-type': 'application/graphql' }, body: operation }),
      await send({ method: 'POST', body: JSON.stringify({ query: operation }) }),
    ];
    for (const res of refused) {
      expect(res.status).toBe(415);
      expect(res.errors?.[0]?.extensions?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    expect(form.errors?.[0]?.message).toBe('Send the operation as application/json, not application/x-www-form-urlencoded');
    expect(records.echoes.length).toBe(asked);
    const json = await send({
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: operation }),
    });
    expect(json.status).toBe(200);
    expect(records.echoes.length).toBe(asked + 1);
  });
});

describe('CORS', () => {
  const body = JSON.stringify({ query: '{ notices(first: 1) { id } }' });
  const post = (origin?: string) => send({ method: 'POST', headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) }, body });
  const preflight = (origin: string) =>
    fetch(hub.url, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });

  it('answers the origins of CORS_ORIGINS, never with credentials', async () => {
    const res = await post(allowed);
    expect(res.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    const pre = await preflight(allowed);
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('gives any other origin no CORS headers (its page cannot read the answer); same-origin and non-browser callers are unaffected', async () => {
    for (const origin of ['https://evil.example', 'null', `${allowed}.evil.example`]) {
      const res = await post(origin);
      expect(res.headers.get('access-control-allow-origin'), origin).toBeNull();
      expect(res.headers.get('access-control-allow-credentials'), origin).toBeNull();
      expect((await preflight(origin)).headers.get('access-control-allow-origin')).toBeNull();
    }
    // The dashboard served at / sends its own origin: same-origin needs no CORS headers to read.
    const own = await post(hub.base);
    expect(own.status).toBe(200);
    expect(own.data).toEqual({ notices: [{ id: 'n1' }] });
    expect((await post()).data).toEqual({ notices: [{ id: 'n1' }] });
  });

  it('reflects nobody by default', async () => {
    const defaults = await startSecureGateway(records);
    try {
      const res = await fetch(defaults.url, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    } finally {
      await defaults.close();
    }
  });
});

describe('graphql-ws', () => {
  it('closes a socket that sends a message over the body-size limit with 1009, and keeps serving others', async () => {
    const url = hub.url.replace(/^http/, 'ws');
    const big = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0 });
    const asked = records.echoes.length;
    let closed: { code?: number } | undefined;
    try {
      for await (const _ of big.iterate({ query: `{ echo(note: "big") { requestId } } # ${'x'.repeat(8 * 1024 * 1024)}` })) {
        throw new Error('the big operation ran');
      }
    } catch (error) {
      closed = error as { code?: number };
    } finally {
      await big.dispose();
    }
    expect(closed?.code).toBe(1009);
    expect(records.echoes.length).toBe(asked);

    const small = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0 });
    try {
      const results: unknown[] = [];
      for await (const event of small.iterate({ query: '{ notices(first: 1) { id } }' })) results.push(event);
      expect(results).toEqual([{ data: { notices: [{ id: 'n1' }] } }]);
    } finally {
      await small.dispose();
    }
  });
});
