// Fuzzing the whole hub over HTTP (issue 16): hostile requests generated from the composed schema
// and a seed (test/abuse/fuzz-requests.ts), sent anonymously and with tokens, in every content
// type and over GET. Bad input is never a server error: every answer is below 500, is GraphQL
// JSON, every error in it has a code and none is INTERNAL_SERVER_ERROR; anonymous answers hold
// none of the demo data's personal values (phones, ID-card numbers); the hub stays up.
// FUZZ_SEED=<n> replays a run; a failure names its seed.
import { startTestFederation, type TestFederation } from '@shequ/testing';
import { buildSchema } from 'graphql';
import { printSchema } from 'graphql/index.js'; // the runtime's graphql build, for the runtime's schema
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSubgraphs } from '../scripts/subgraphs.js';
import { fuzzRequests, type FuzzRequest } from './abuse/fuzz-requests.js';
import { personas } from './authorization/matrix.js';

const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Date.now() / 1000) % 1_000_000);
const count = Number(process.env.FUZZ_COUNT ?? 700);

let hub: TestFederation;
/** Whose token each request carries: anonymous most often, since what it gets is checked most. */
const tokens: (string | null)[] = [null, null];
/** Personal values of the demo data that anonymous answers must never contain. */
const secrets = new Set<string>();

beforeAll(async () => {
  // Rate limits (as in production) would answer most of this flood with 429 before it reaches anything worth testing.
  hub = await startTestFederation({ subgraphs: await loadSubgraphs(), gateway: { security: { rateLimit: { perMinute: 0 } } } });
  for (const persona of ['RESIDENT', 'COMMITTEE_STAFF', 'DISTRICT_ADMIN', 'PARTNER'] as const) tokens.push(await hub.token(personas[persona]));
  const admin = personas.DISTRICT_ADMIN;
  for (const communityId of ['community-minzu-01', 'community-minzu-02', 'community-xinhua-01']) {
    const res = await hub.query<{
      residents: { edges: { node: { phone: string | null; idCardNumber: string | null; address: string | null } }[] };
      representatives: { phone: string | null }[];
      partyOrganization: { members: { phone: string | null }[] } | null;
      volunteers: { edges: { node: { phone: string | null } }[] };
    }>(
      `query($c: ID!) { residents(communityId: $c, first: 30) { edges { node { phone idCardNumber address } } } representatives(communityId: $c) { phone }
        partyOrganization(communityId: $c) { members { phone } } volunteers(communityId: $c, first: 50) { edges { node { phone } } } }`,
      { c: communityId },
      admin,
    );
    const d = res.data!;
    for (const value of [
      ...d.residents.edges.flatMap((e) => [e.node.phone, e.node.idCardNumber, e.node.address]),
      ...d.representatives.map((r) => r.phone),
      ...(d.partyOrganization?.members ?? []).map((m) => m.phone),
      ...d.volunteers.edges.map((e) => e.node.phone),
    ]) {
      if (value) secrets.add(value);
    }
  }
  expect(secrets.size).toBeGreaterThan(100);
}, 240_000);
afterAll(() => hub?.close());

interface Answer {
  status: number;
  text: string;
}

async function send(request: FuzzRequest, token: string | null): Promise<Answer> {
  const headers = { ...request.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const body = typeof request.body === 'string' || request.body === undefined ? request.body : Buffer.from(request.body);
  const res = await fetch(`${hub.url}${request.search}`, { method: request.method, headers, body });
  return { status: res.status, text: await res.text() };
}

/** What is wrong with an answer, or null. */
function problemWith(answer: Answer, anonymous: boolean): string | null {
  if (answer.status >= 500) return `HTTP ${answer.status}`;
  let body: { data?: unknown; errors?: { message?: unknown; extensions?: { code?: unknown } }[] };
  try {
    body = JSON.parse(answer.text) as typeof body;
  } catch {
    return `not JSON (${answer.status})`;
  }
  const errors = Array.isArray(body.errors) ? body.errors : [];
  if (!errors.length && (body.data === undefined || body.data === null)) return 'neither data nor errors';
  const uncoded = errors.filter((e) => typeof e.message !== 'string' || typeof e.extensions?.code !== 'string');
  if (uncoded.length) return `error without a code: ${JSON.stringify(uncoded[0])}`;
  if (errors.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) return 'INTERNAL_SERVER_ERROR';
  if (/\n\s+at |\.ts:\d+|node_modules/.test(answer.text)) return 'leaks internals';
  if (anonymous) {
    const leaked = [...secrets].find((s) => answer.text.includes(JSON.stringify(s)));
    if (leaked) return `personal data to an anonymous caller: ${leaked}`;
    if (/\d{6}\*{8}\d{3}[\dX]/.test(answer.text)) return 'a masked ID-card number to an anonymous caller';
  }
  return null;
}

describe(`fuzzing the hub (seed ${seed}, FUZZ_SEED=${seed} replays it)`, () => {
  it(`answers ${count} hostile requests, every hostility in every content type, without a server error or a leak; the hub stays up`, async () => {
    const sdl = printSchema(await hub.gateway.gateway.runtime.getSchema());
    const requests = fuzzRequests(buildSchema(sdl), count, seed);
    const problems: string[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < requests.length; i += 8) {
      await Promise.all(
        requests.slice(i, i + 8).map(async (request, j) => {
          const token = tokens[(i + j) % tokens.length]!;
          const answer = await send(request, token);
          seen.add(`${answer.status}`);
          const problem = problemWith(answer, token === null);
          if (problem) problems.push(`${problem} — ${request.what} — ${answer.text.slice(0, 200)}`);
        }),
      );
    }
    expect(problems, `seed ${seed}: replay with FUZZ_SEED=${seed}`).toEqual([]);
    // The generator reached what it is for: refusals of every kind, and answers with data.
    for (const status of ['200', '400', '413', '415']) expect(seen, `seed ${seed}: no HTTP ${status} among ${[...seen].join(', ')}`).toContain(status);
    expect((await fetch(hub.url.replace(/\/graphql$/, '/healthz'))).status).toBe(200);
    const after = await hub.query<{ streets: unknown[] }>('{ streets { id } }');
    expect(after.data?.streets).toHaveLength(13);
  });
});
