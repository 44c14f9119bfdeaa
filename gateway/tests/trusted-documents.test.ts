// Trusted documents: with the manifest enforced, only its operations run (by hash or by text);
// the hub's own services may still send theirs. The committed manifest must stay valid.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '@shequ/kit';
import { buildASTSchema, parse, validate } from 'graphql';
import { readdirSync, readFileSync } from 'node:fs';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEFAULT_OPERATIONS_DIR } from '../src/security-config.ts';
import { loadTrustedDocuments, sha256 } from '../src/trusted-documents.ts';
import { startRecords, startSecureGateway, type Records, type SecureGateway } from './helpers/secure-hub.ts';

const noticesDoc = 'query Notices($first: Int) {\n  notices(first: $first) {\n    id\n    title\n  }\n}';
const noticesHash = sha256(noticesDoc);

let records: Records;
let dir: string;
let enforced: SecureGateway;

beforeAll(async () => {
  records = await startRecords();
  dir = await mkdtemp(path.join(tmpdir(), 'shequ-operations-'));
  await writeFile(path.join(dir, 'dashboard.json'), JSON.stringify({ [noticesHash]: noticesDoc }));
  await writeFile(
    path.join(dir, 'feed.json'),
    JSON.stringify({
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [{ id: sha256('{ echo { requestId } }'), name: null, type: 'query', body: '{ echo { requestId } }' }],
    }),
  );
  enforced = await startSecureGateway(records, { trustedDocuments: { enabled: true, dir } });
});
afterAll(async () => {
  await enforced?.close();
  await records?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the committed manifests', () => {
  it("hold the dashboards', feeds' and CLI's operations under their sha256, each valid against the supergraph", () => {
    const supergraph = buildASTSchema(parse(readFileSync(path.join(repoRoot, 'schema/supergraph.graphql'), 'utf8')), { assumeValidSDL: true });
    const files = readdirSync(DEFAULT_OPERATIONS_DIR).filter((f) => f.endsWith('.json'));
    expect(files).toEqual(expect.arrayContaining(['dashboard.json', 'live-feeds.json']));
    let count = 0;
    for (const file of files) {
      const manifest = JSON.parse(readFileSync(path.join(DEFAULT_OPERATIONS_DIR, file), 'utf8')) as Record<string, string>;
      expect(Object.keys(manifest).length, file).toBeGreaterThanOrEqual(3);
      for (const [hash, document] of Object.entries(manifest)) {
        expect(`${file} ${hash} → ${sha256(document)}`).toBe(`${file} ${hash} → ${hash}`);
        expect(validate(supergraph, parse(document)).map((e) => `${file}: ${e.message}`)).toEqual([]);
        count++;
      }
    }
    expect(loadTrustedDocuments(DEFAULT_OPERATIONS_DIR).size).toBe(count);
  });
});

describe('enforced', () => {
  it('runs manifest operations sent by hash (Apollo persistedQuery or documentId) or as their text, even reformatted', async () => {
    const expected = { data: { notices: [{ id: 'n1', title: 'Water outage on Minzu Road' }] } };
    const asked = [
      await enforced.post({ variables: { first: 1 }, extensions: { persistedQuery: { version: 1, sha256Hash: noticesHash } } }),
      await enforced.post({ documentId: `sha256:${noticesHash}`, variables: { first: 1 } }),
      await enforced.post({ query: noticesDoc, variables: { first: 1 } }),
      await enforced.post({ query: 'query Notices($first: Int) { notices(first: $first) { id, title } }', variables: { first: 1 } }),
    ];
    for (const res of asked) expect({ data: res.data, errors: res.errors }).toEqual({ ...expected, errors: undefined });
    expect((await enforced.post({ query: '{ echo { requestId } }' })).errors).toBeUndefined();
  });

  it('refuses any other operation with OPERATION_NOT_TRUSTED, and an unknown hash with PERSISTED_QUERY_NOT_FOUND', async () => {
    const other = await enforced.query('query Notices($first: Int) { notices(first: $first) { id title budgetFen } }', { first: 1 });
    expect(other.status).toBe(403);
    expect(other.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_TRUSTED');
    expect(records.resolved).not.toContain('Notice.budgetFen');

    const unknown = await enforced.post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ fail }') } } });
    expect(unknown.status).toBe(404);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');

    const overWs = createClient({ url: enforced.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
    try {
      const events: { errors?: { extensions?: { code?: string } }[] }[] = [];
      for await (const event of overWs.iterate({ query: 'subscription { ticks(count: 2) }' })) events.push(event as never);
      expect(events.flatMap((e) => e.errors ?? []).map((e) => e.extensions?.code)).toEqual(['OPERATION_NOT_TRUSTED']);
    } finally {
      await overWs.dispose();
    }
  });

  it("lets the hub's own services send operations outside the manifest", async () => {
    const res = await enforced.query('{ notices(first: 1) { id } }', {}, { role: 'SERVICE', sub: 'service:evaluations' });
    expect(res.errors).toBeUndefined();
    const resident = await enforced.query('{ notices(first: 1) { id } }', {}, { role: 'RESIDENT' });
    expect(resident.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_TRUSTED');
  });
});

describe('not enforced', () => {
  it('still serves manifest operations by hash next to any other operation', async () => {
    const open = await startSecureGateway(records, { trustedDocuments: { enabled: false, dir } });
    try {
      expect((await open.query('{ notices(first: 1) { id } }')).data).toEqual({ notices: [{ id: 'n1' }] });
      expect((await open.post({ documentId: noticesHash, variables: { first: 2 } })).data?.notices).toHaveLength(2);
    } finally {
      await open.close();
    }
  });
});

describe('a broken manifest', () => {
  it('stops the gateway at start: a hash that does not match, or enforcement without any operation', async () => {
    const bad = await mkdtemp(path.join(tmpdir(), 'shequ-operations-bad-'));
    try {
      await writeFile(path.join(bad, 'ops.json'), JSON.stringify({ [sha256('{ a }')]: '{ b }' }));
      await expect(startSecureGateway(records, { trustedDocuments: { enabled: false, dir: bad } })).rejects.toThrow(/is not the sha256 of its document/);
      await rm(path.join(bad, 'ops.json'));
      await expect(startSecureGateway(records, { trustedDocuments: { enabled: true, dir: bad } })).rejects.toThrow(/holds no operations/);
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });
});
