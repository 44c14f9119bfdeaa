// Abuse through the whole hub: deep, wide, aliased, huge and malformed operations, then 1,000
// random operations generated from the composed schema of every subgraph. Every one is answered
// with data or a GraphQL error (never a 5xx, never a stack trace), the gateway stays up and its
// memory stays bounded.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { seededRandom } from '@shequ/kit';
import { startTestFederation, type TestFederation } from '@shequ/testing';
import { buildSchema } from 'graphql';
import { printSchema } from 'graphql/index.js'; // the runtime's graphql build, for the runtime's schema
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSubgraphs } from '../scripts/subgraphs.js';
import { randomOperations } from './abuse/random-operations.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let hub: TestFederation;
const tokens: (string | null)[] = [null];

beforeAll(async () => {
  // Rate limits (as in production) would answer most of this flood with 429 before it reaches anything worth testing.
  hub = await startTestFederation({ subgraphs: await loadSubgraphs(), gateway: { security: { rateLimit: { perMinute: 0 } } } });
  for (const claims of [
    { role: 'RESIDENT', communityId: 'community-minzu-01' },
    { role: 'DISTRICT_ADMIN' },
    { role: 'COMMITTEE_STAFF', communityId: 'community-minzu-01' },
  ] as const) {
    tokens.push(await hub.token(claims));
  }
});
afterAll(() => hub?.close());

interface Answer {
  status: number;
  text: string;
}

async function send(body: string | Uint8Array, headers: Record<string, string> = {}, method = 'POST', path = ''): Promise<Answer> {
  const res = await fetch(`${hub.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: method === 'GET' ? undefined : typeof body === 'string' ? body : Buffer.from(body),
  });
  return { status: res.status, text: await res.text() };
}

/** What every answer must be: not a server error, a GraphQL body, nothing internal. */
function wellFormed(answer: Answer, what: string): string | null {
  if (answer.status >= 500) return `${what}: HTTP ${answer.status} ${answer.text.slice(0, 200)}`;
  let body: { data?: unknown; errors?: { message?: unknown }[] };
  try {
    body = JSON.parse(answer.text) as typeof body;
  } catch {
    return `${what}: not JSON (${answer.status}): ${answer.text.slice(0, 200)}`;
  }
  const hasErrors = Array.isArray(body.errors) && body.errors.length > 0 && body.errors.every((e) => typeof e.message === 'string');
  if (!hasErrors && (body.data === undefined || body.data === null)) return `${what}: neither data nor errors: ${answer.text.slice(0, 200)}`;
  if (/stacktrace|\n\s+at |\.ts:\d+|node_modules|INTERNAL_SERVER_ERROR/.test(answer.text)) return `${what}: leaks internals: ${answer.text.slice(0, 300)}`;
  return null;
}

const json = (value: unknown) => JSON.stringify(value);

describe('hostile operations', () => {
  it('answers deep, wide, aliased, huge and malformed operations with GraphQL errors', async () => {
    const deep = `{ streets { ${'communities { street { '.repeat(40)}id${' } }'.repeat(40)} } }`;
    const wide = `{ streets { ${'id name nameEn '.repeat(2_000)} } }`;
    const aliased = `{ ${Array.from({ length: 500 }, (_, i) => `s${i}: streets { id }`).join(' ')} }`;
    const fragmentBomb = `query { streets { ...F0 } } ${Array.from({ length: 30 }, (_, i) => `fragment F${i} on Street { id ${i < 29 ? `...F${i + 1} ...F${i + 1}` : ''} }`).join(' ')}`;
    const cases: [string, string | Uint8Array, Record<string, string>?, string?, string?][] = [
      ['deep', json({ query: deep })],
      ['wide', json({ query: wide })],
      ['aliased', json({ query: aliased })],
      ['fragment bomb', json({ query: fragmentBomb })],
      ['fragment cycle', json({ query: '{ streets { ...A } } fragment A on Street { ...B } fragment B on Street { ...A }' })],
      ['directive flood', json({ query: `{ streets { id ${'@include(if: true) '.repeat(300)} } }` })],
      ['costly lists', json({ query: '{ streets { communities { street { communities { street { communities { id } } } } } } }' })],
      ['huge page', json({ query: '{ communities(first: 100000000) { edges { node { id street { communities { id } } } } } }' })],
      ['huge body', json({ query: `{ streets { id } } # ${'x'.repeat(500_000)}` })],
      ['huge string literal', json({ query: `{ community(id: "${'x'.repeat(90_000)}") { id } }` })],
      ['long token stream', json({ query: `{ ${'__typename '.repeat(20_000)}}` })],
      ['syntax error', json({ query: '{ streets { id ' })],
      ['empty query', json({ query: '' })],
      ['null query', json({ query: null })],
      ['query not a string', json({ query: { evil: true } })],
      ['unknown operation name', json({ query: 'query A { streets { id } }', operationName: 'B' })],
      ['two operations, no name', json({ query: 'query A { streets { id } } query B { departments { id } }' })],
      ['variables of the wrong type', json({ query: 'query($id: ID!) { community(id: $id) { id } }', variables: { id: { nested: [1, 2] } } })],
      ['missing variables', json({ query: 'query($id: ID!) { community(id: $id) { id } }' })],
      ['variables not an object', json({ query: '{ streets { id } }', variables: 'nope' })],
      ['deeply nested variables', `{"query":"query($v: ID) { community(id: $v) { id } }","variables":{"v":${'['.repeat(5_000)}${']'.repeat(5_000)}}}`],
      ['invalid JSON', '{"query": "{ streets { id } }"'],
      ['JSON array of junk', json([1, 'two', null])],
      ['JSON scalar', '42'],
      ['binary garbage', new Uint8Array(Array.from({ length: 4_096 }, (_, i) => (i * 7919) % 256))],
      ['wrong content type', 'query=%7B%20streets%20%7B%20id%20%7D%20%7D', { 'content-type': 'text/plain' }],
      ['mutation over GET', '', {}, 'GET', `?query=${encodeURIComponent('mutation { x }')}`],
      [
        'introspection of everything',
        json({ query: '{ __schema { types { name fields { name args { name type { name ofType { name ofType { name } } } } } } } }' }),
      ],
      ['subscription over plain POST', json({ query: 'subscription { nope }' })],
      ['bad token', json({ query: '{ streets { id } }' }), { authorization: 'Bearer not.a.jwt' }],
      ['absurd header', json({ query: '{ streets { id } }' }), { 'x-request-id': 'x'.repeat(5_000) }],
    ];
    const problems: string[] = [];
    for (const [what, body, headers, method, path] of cases) {
      problems.push(wellFormed(await send(body, headers, method, path), what) ?? '');
    }
    expect(problems.filter(Boolean)).toEqual([]);
  });
});

describe('1,000 random operations from the composed schema', () => {
  it('are all answered with data or GraphQL errors; the gateway stays up and its memory bounded', async () => {
    const sdl = printSchema(await hub.gateway.gateway.runtime.getSchema());
    const operations = randomOperations(buildSchema(sdl), 1_200, 20_260_701);
    const random = seededRandom(7);
    const problems: string[] = [];
    let withData = 0;
    const run = async (batch: typeof operations) => {
      await Promise.all(
        batch.map(async (op, i) => {
          const token = random.pick(tokens);
          const answer = await send(json(op), token ? { authorization: `Bearer ${token}` } : {});
          const problem = wellFormed(answer, `#${i} ${op.query.slice(0, 160)} ${json(op.variables).slice(0, 80)}`);
          if (problem) problems.push(problem);
          else if ((JSON.parse(answer.text) as { data?: unknown }).data) withData++;
        }),
      );
    };
    // The first 200 warm up the gateway (plans, code paths) before memory is measured.
    for (let i = 0; i < 200; i += 16) await run(operations.slice(i, i + 16));
    gc();
    const start = process.memoryUsage().heapUsed;
    for (let i = 200; i < 1_200; i += 16) await run(operations.slice(i, i + 16));
    gc();
    const afterNew = process.memoryUsage().heapUsed;
    // The same operations again: whatever caches keep of them is kept already, so what grows now
    // would be kept per request.
    for (let i = 1_000; i < 1_200; i += 16) await run(operations.slice(i, i + 16));
    gc();
    const afterRepeat = process.memoryUsage().heapUsed;

    expect(problems).toEqual([]);
    // Valid-looking operations must be a real share, or the test would only exercise validation.
    expect(withData).toBeGreaterThan(100);
    // The whole federation shares this process, with its parse, validation and plan caches
    // (bounded LRUs) filling with 1,000 distinct documents: a generous bound, then a tight one.
    expect(afterNew - start).toBeLessThan(160 * 1024 * 1024);
    expect(afterRepeat - afterNew).toBeLessThan(16 * 1024 * 1024);
    expect((await fetch(hub.url.replace(/\/graphql$/, '/healthz'))).status).toBe(200);
    const after = await hub.query<{ streets: unknown[] }>('{ streets { id } }');
    expect(after.data?.streets).toHaveLength(13);
  });
});
