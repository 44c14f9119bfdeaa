// The kit's one way to ask another subgraph, against a real local HTTP server standing in for
// the gateway: what each kind of answer becomes, and the per-client facts cache.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ServiceCallError } from '../src/federation/service-call-error.js';
import { createServiceClient, type ServiceClient } from '../src/federation/service-client.js';
import { createLogger } from '../src/logger.js';

type Reply = { status?: number; body: unknown } | 'hang-up';

let server: Server;
let url: string;
let reply: () => Reply;
let asked: { query: string; variables: Record<string, unknown> }[] = [];
const warnings: Record<string, unknown>[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      asked.push(JSON.parse(raw));
      const r = reply();
      if (r === 'hang-up') return void res.socket?.destroy();
      res.writeHead(r.status ?? 200, { 'content-type': 'application/json' });
      res.end(typeof r.body === 'string' ? r.body : JSON.stringify(r.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  asked = [];
  warnings.length = 0;
  reply = () => ({ body: { data: { ok: true } } });
});

const log = createLogger('test', 'silent');
const recordingLog = { ...log, warn: (fields: Record<string, unknown>) => void warnings.push(fields) } as unknown as typeof log;

function client(options: { gatewayUrl?: () => string | undefined; now?: () => number } = {}): ServiceClient {
  return createServiceClient({
    service: 'evaluations',
    gatewayUrl: options.gatewayUrl ?? (() => url),
    jwt: { kind: 'jwks', url: 'http://127.0.0.1:1/jwks', issuer: 'i', audience: 'a' },
    staticToken: 'service-token',
    timeoutMs: 2_000,
    log: recordingLog,
    now: options.now,
  });
}

const question = {
  owner: 'committees',
  purpose: 'check which street your community belongs to',
  query: '{ community(id: "c-1") { street { id } } }',
  variables: { idCard: '420102199001011234' },
};
const errorsOf = (...errors: { message: string; extensions?: Record<string, unknown> }[]) => ({ body: { data: null, errors } });

async function refusal(p: Promise<unknown>): Promise<GraphQLError | ServiceCallError> {
  try {
    await p;
  } catch (err) {
    return err as GraphQLError | ServiceCallError;
  }
  throw new Error('expected a refusal');
}

function expectUnavailable(err: unknown, subgraph: string) {
  expect(err).toBeInstanceOf(GraphQLError);
  const e = err as GraphQLError;
  expect(e.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', subgraph, retryable: true });
  expect(e.message).toBe(
    `Cannot check which street your community belongs to now: the ${subgraph} subgraph is unavailable; nothing was changed, try again later`,
  );
}

describe('asking another subgraph: one rule for an unanswered question', () => {
  it('returns the data of a full answer', async () => {
    expect(await client().ask(question)).toEqual({ ok: true });
    expect(asked).toEqual([{ query: question.query, variables: question.variables }]);
  });

  it('the gateway names the subgraph it could not reach in extensions.subgraph: that one is named, not the owner', async () => {
    reply = () => errorsOf({ message: 'Subgraph "departments" is unavailable', extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'departments' } });
    expectUnavailable(await refusal(client().ask(question)), 'departments');
  });

  it("SUBGRAPH_UNAVAILABLE without a name (the owner's database busy) and the owner's masked INTERNAL_SERVER_ERROR name the owner", async () => {
    reply = () => errorsOf({ message: 'The database is busy', extensions: { code: 'SUBGRAPH_UNAVAILABLE', retryable: true } });
    expectUnavailable(await refusal(client().ask(question)), 'committees');
    reply = () => errorsOf({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expectUnavailable(await refusal(client().ask(question)), 'committees');
  });

  it('a gateway that is down, hangs up, answers without a GraphQL body or is not known yet: the owner is unavailable', async () => {
    expectUnavailable(await refusal(client({ gatewayUrl: () => 'http://127.0.0.1:1/graphql' }).ask(question)), 'committees');
    reply = () => 'hang-up';
    expectUnavailable(await refusal(client().ask(question)), 'committees');
    reply = () => ({ status: 502, body: '<html>Bad gateway</html>' });
    expectUnavailable(await refusal(client().ask(question)), 'committees');
    expectUnavailable(await refusal(client({ gatewayUrl: () => undefined }).ask(question)), 'committees');
  });

  it('rethrows a definite refusal as it is, with the structured errors, and does not call it an outage', async () => {
    reply = () =>
      errorsOf(
        { message: 'Your role may not do this', extensions: { code: 'FORBIDDEN' } },
        { message: 'bad id', extensions: { code: 'BAD_USER_INPUT', field: 'id' } },
      );
    const err = await refusal(client().ask(question));
    expect(err).toBeInstanceOf(ServiceCallError);
    expect((err as ServiceCallError).codes).toEqual(['FORBIDDEN', 'BAD_USER_INPUT']);
    expect((err as ServiceCallError).errors[0]).toMatchObject({ code: 'FORBIDDEN', message: 'Your role may not do this' });
    expect(warnings).toEqual([]);
  });

  it("keeps extensions.subgraph on the raw request's error, for callers (outbox deliveries) that read it", async () => {
    reply = () => errorsOf({ message: 'Subgraph "committees" is unavailable', extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'committees' } });
    const err = (await refusal(client().request('{ x }'))) as ServiceCallError;
    expect(err.errors).toEqual([{ message: 'Subgraph "committees" is unavailable', code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'committees', path: undefined }]);
  });

  it('logs a warning with codes only, never the variables', async () => {
    reply = () => errorsOf({ message: 'Community with idCard 420102199001011234 failed', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    await refusal(client().ask(question));
    expect(warnings).toEqual([{ owner: 'committees', subgraph: 'committees', codes: ['INTERNAL_SERVER_ERROR'], purpose: question.purpose }]);
    expect(JSON.stringify(warnings)).not.toContain('420102199001011234');
  });
});

describe('the facts cache of a service client', () => {
  const ask = (services: ServiceClient) => services.fact('street-of-community:c-1', 30_000, () => services.ask<{ ok: boolean }>(question));

  it('asks once per TTL, and again once it has expired', async () => {
    let now = 1_000_000;
    const services = client({ now: () => now });
    await ask(services);
    now += 29_999;
    await ask(services);
    expect(asked).toHaveLength(1);
    now += 1;
    await ask(services);
    expect(asked).toHaveLength(2);
  });

  it('shares the request in flight: a burst of callers asks once', async () => {
    const services = client();
    const answers = await Promise.all(Array.from({ length: 50 }, () => ask(services)));
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(asked).toHaveLength(1);
  });

  it('does not remember a failure: the next caller asks again', async () => {
    const services = client();
    reply = () => errorsOf({ message: 'down', extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'committees' } });
    expectUnavailable(await refusal(ask(services)), 'committees');
    reply = () => ({ body: { data: { ok: true } } });
    expect(await ask(services)).toEqual({ ok: true });
    expect(asked).toHaveLength(2);
  });

  it('is held per client: another client (another subgraph, another replica) asks for itself; forgetFacts clears only its own', async () => {
    const first = client();
    const second = client();
    await ask(first);
    await ask(second);
    expect(asked).toHaveLength(2);
    second.forgetFacts();
    await ask(first);
    expect(asked).toHaveLength(2);
    await ask(second);
    expect(asked).toHaveLength(3);
  });
});
