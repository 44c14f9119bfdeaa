// Operations by hash over graphql-ws: the runtime's persisted documents refuse an unknown hash by
// throwing, which graphql-ws would answer by closing the socket; it is that operation's error only.
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { sha256 } from '../src/trusted-documents.ts';
import { startRecords, startSecureGateway, type Records, type SecureGateway } from './helpers/secure-hub.ts';

let records: Records;
let hub: SecureGateway;

beforeAll(async () => {
  records = await startRecords();
  hub = await startSecureGateway(records);
});
afterAll(async () => {
  await hub?.close();
  await records?.close();
});

it('answers an unknown hash over graphql-ws with PERSISTED_QUERY_NOT_FOUND and keeps the socket', async () => {
  let closed = 0;
  const ws = createClient({
    url: hub.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    on: { closed: () => void closed++ },
  });
  try {
    const unknown: { errors?: { extensions?: { code?: string } }[] }[] = [];
    // graphql-ws types want a query string; a hash alone is what a persisted-query client sends.
    const byHash = { query: '', extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ fail }') } } };
    for await (const event of ws.iterate(byHash)) unknown.push(event as never);
    expect(unknown.flatMap((e) => e.errors ?? []).map((e) => e.extensions?.code)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);

    const next: unknown[] = [];
    for await (const event of ws.iterate({ query: '{ notices(first: 1) { id } }' })) next.push(event);
    expect(next).toEqual([{ data: { notices: [{ id: 'n1' }] } }]);
    expect(closed).toBe(0);
  } finally {
    await ws.dispose();
  }
});
