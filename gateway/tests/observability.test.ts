// /metrics, request ids from client to subgraph and into the logs, and OpenTelemetry spans exported to a collector.
import { Writable } from 'node:stream';
import { createClient } from 'graphql-ws';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { startRecords, startSecureGateway, type Records, type SecureGateway } from './helpers/secure-hub.ts';
import { startOtlpCollector } from './helpers/otlp-collector.ts';
import { exportSpans } from '../src/tracing.ts';

let records: Records;
let hub: SecureGateway;
const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  records = await startRecords();
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  hub = await startSecureGateway(records, { metrics: { enabled: true, token: 'scrape-secret' } }, { logger: pino({ level: 'info' }, sink) });
});
afterAll(async () => {
  await hub?.close();
  await records?.close();
});

/** Samples of one metric whose labels include `labels`, summed. */
async function metric(name: string, labels: Record<string, string> = {}): Promise<number> {
  const res = await fetch(`${hub.base}/metrics`, { headers: { authorization: 'Bearer scrape-secret' } });
  expect(res.status).toBe(200);
  let sum = 0;
  for (const line of (await res.text()).split('\n')) {
    const match = /^([a-z_]+)(?:\{(.*)\})? ([-+\d.e]+|NaN)$/i.exec(line);
    if (!match || match[1] !== name) continue;
    const sample = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => sample[k] === v)) sum += Number(match[3]);
  }
  return sum;
}

describe('/metrics', () => {
  it('needs the scrape token when one is set', async () => {
    expect((await fetch(`${hub.base}/metrics`)).status).toBe(401);
    expect((await fetch(`${hub.base}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
  });

  it('counts operations, errors by code, latency by operation and subgraph, HTTP statuses and open subscriptions', async () => {
    const before = {
      dashboard: await metric('shequ_gateway_operations_total', { operation: 'Dashboard', type: 'query' }),
      latency: await metric('shequ_gateway_operation_duration_seconds_count', { operation: 'Dashboard' }),
      forbidden: await metric('shequ_gateway_operation_errors_total', { code: 'FORBIDDEN' }),
      invalid: await metric('shequ_gateway_operation_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' }),
      subgraphLatency: await metric('shequ_gateway_subgraph_duration_seconds_count', { subgraph: 'records' }),
      subgraphErrors: await metric('shequ_gateway_subgraph_errors_total', { subgraph: 'records' }),
      ok: await metric('shequ_gateway_http_responses_total', { status: '200' }),
      hits: await metric('shequ_gateway_response_cache_hits_total', { operation: 'Dashboard' }),
    };
    for (let i = 0; i < 3; i++) expect((await hub.query('query Dashboard { notices { id } }')).errors).toBeUndefined();
    expect((await hub.query('query Broken { fail }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await hub.query('{ nope }')).status).toBe(400);

    expect(await metric('shequ_gateway_operations_total', { operation: 'Dashboard', type: 'query' })).toBe(before.dashboard + 3);
    // The first is executed; the two others are answered from the response cache.
    expect(await metric('shequ_gateway_response_cache_hits_total', { operation: 'Dashboard' })).toBe(before.hits + 2);
    expect(await metric('shequ_gateway_operation_duration_seconds_count', { operation: 'Dashboard' })).toBe(before.latency + 1);
    expect(await metric('shequ_gateway_operation_errors_total', { code: 'FORBIDDEN' })).toBe(before.forbidden + 1);
    expect(await metric('shequ_gateway_operation_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(before.invalid + 1);
    expect(await metric('shequ_gateway_subgraph_duration_seconds_count', { subgraph: 'records' })).toBe(before.subgraphLatency + 2);
    expect(await metric('shequ_gateway_subgraph_errors_total', { subgraph: 'records' })).toBe(before.subgraphErrors + 1);
    expect(await metric('shequ_gateway_http_responses_total', { status: '200' })).toBe(before.ok + 4);
    expect(await metric('shequ_gateway_process_resident_memory_bytes')).toBeGreaterThan(0);

    const client = createClient({
      url: hub.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: await hub.token({ role: 'RESIDENT' }) },
    });
    let received = 0;
    const stop = client.subscribe(
      { query: 'subscription { ticks(count: 10000, everyMs: 20) }' },
      { next: () => void received++, error: () => {}, complete: () => {} },
    );
    try {
      await vi.waitFor(() => expect(received).toBeGreaterThan(0), { timeout: 3_000, interval: 20 });
      expect(await metric('shequ_gateway_subscriptions_open')).toBe(1);
    } finally {
      stop();
    }
    await vi.waitFor(async () => expect(await metric('shequ_gateway_subscriptions_open')).toBe(0), { timeout: 3_000, interval: 50 });
    await client.dispose();
  });

  it('keeps client-chosen operation names from growing the label set without bound', async () => {
    await Promise.all(Array.from({ length: 210 }, (_, i) => hub.query(`query Op${i} { notices(first: 1) { id } }`)));
    const res = await fetch(`${hub.base}/metrics`, { headers: { authorization: 'Bearer scrape-secret' } });
    const names = new Set([...(await res.text()).matchAll(/shequ_gateway_operations_total\{operation="([^"]+)"/g)].map((m) => m[1]));
    expect(names.size).toBeLessThanOrEqual(200 + 2); // plus "anonymous" and "other"
    expect(names.has('other')).toBe(true);
  });

  it('is off with METRICS=false', async () => {
    const off = await startSecureGateway(records, { metrics: { enabled: false } });
    try {
      expect((await fetch(`${off.base}/metrics`)).status).toBe(404);
    } finally {
      await off.close();
    }
  });
});

describe('request ids', () => {
  it("carries the client's x-request-id to the subgraph, back in the response and into the log line", async () => {
    records.echoes.length = 0;
    const res = await hub.post(
      { query: 'query WhoAsks($note: String) { echo(note: $note) { requestId } }', variables: { note: 'secret-variable-value' } },
      { headers: { 'x-request-id': 'dash-7f3a' }, as: { role: 'OBSERVER' } },
    );
    expect(res.data).toEqual({ echo: { requestId: 'dash-7f3a' } });
    expect(res.headers.get('x-request-id')).toBe('dash-7f3a');
    await vi.waitFor(() => expect(logLines.find((l) => l.requestId === 'dash-7f3a' && l.msg === 'graphql operation')).toBeDefined());
    const line = logLines.find((l) => l.requestId === 'dash-7f3a' && l.msg === 'graphql operation')!;
    expect(line).toMatchObject({ operation: 'WhoAsks', type: 'query', role: 'OBSERVER', level: 30 });
    expect(JSON.stringify(logLines)).not.toMatch(/secret-variable-value|Bearer /);
  });

  it('replaces a missing or unusable request id with a fresh one, the same everywhere', async () => {
    for (const [i, headers] of ([{}, { 'x-request-id': 'not valid; rm -rf' }] as Record<string, string>[]).entries()) {
      records.echoes.length = 0;
      // A note of its own each: the same query twice would be answered from the response cache.
      const res = await hub.post({ query: `{ echo(note: "${i}") { requestId } }` }, { headers });
      const id = res.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.data).toEqual({ echo: { requestId: id } });
    }
  });
});

describe('tracing', () => {
  it('exports spans over OTLP/HTTP for the request, the operation and each subgraph call, and sends the trace context to the subgraph', async () => {
    const collector = await startOtlpCollector();
    const spanExport = await exportSpans({ url: collector.tracesUrl });
    const traced = await startSecureGateway(records, { tracing: true });
    try {
      records.echoes.length = 0;
      const clientTrace = '0af7651916cd43dd8448eb211c80319c';
      const headers = { traceparent: `00-${clientTrace}-b7ad6b7169203331-01`, 'x-forwarded-for': '203.0.113.7' };
      const res = await traced.post({ query: 'query Traced { echo(note: "420106199001011234") { traceparent } notices(first: 1) { id } }' }, { headers });
      expect(res.errors).toBeUndefined();
      await traced.close();
      await spanExport.flush();
      await vi.waitFor(() => expect(collector.spans.some((s) => s.name === 'graphql.operation Traced')).toBe(true), { timeout: 5_000, interval: 50 });

      const spans = collector.spans.filter((s) => s.traceId === clientTrace);
      const request = spans.find((s) => s.name === 'POST /graphql')!;
      expect(request).toMatchObject({ parentSpanId: 'b7ad6b7169203331' });
      const operation = spans.find((s) => s.name === 'graphql.operation Traced')!;
      expect(operation).toMatchObject({ parentSpanId: request.spanId, attributes: { 'graphql.operation.name': 'Traced', 'graphql.operation.type': 'query' } });
      const calls = spans.filter((s) => s.name === 'subgraph.execute (records)');
      expect(calls.length).toBeGreaterThan(0);
      // The subgraph is told the trace and the span of the gateway's fetch from it.
      const fetches = spans.filter((s) => s.name === 'http.fetch' && calls.some((c) => c.spanId === s.parentSpanId));
      expect(fetches.map((f) => `00-${clientTrace}-${f.spanId}-01`)).toContain(records.echoes[0]?.traceparent);
      // What may identify a person or carry what they sent stays in the hub.
      expect(JSON.stringify(collector.spans)).not.toMatch(/203\.0\.113\.7|420106199001011234/);
    } finally {
      await traced.close();
      await spanExport.stop();
      await collector.close();
    }
  });
});
