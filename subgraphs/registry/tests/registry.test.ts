// The registry as a subgraph, on both databases: what it records, who may change what, the
// supergraph it serves the gateways, and two publishes racing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import { repoRoot } from '@shequ/kit';
import { partnerSigningSecret } from '@shequ/kit/auth/upstream-signature';
import { partnerKeysOf } from '@shequ/kit/federation/partner-keys';
import { validateSupergraph } from '@shequ/kit/federation/supergraph';
import { describeOnEachDatabase, startTestSubgraph, type TestSubgraph } from '@shequ/kit/testing';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { DB } from '../src/db.js';
import { recordVersion } from '../src/domain/store.js';
import { supergraphServer } from '../src/domain/supergraph.js';
import { registry, registrySubgraph } from '../src/index.js';

const admin = { role: 'DISTRICT_ADMIN', sub: 'admin-7' };
const partner = { role: 'PARTNER', partnerId: 'health-center-jianghan', sub: 'hc-ops' };
const core = [{ name: 'committees', url: 'http://127.0.0.1:4002/graphql', sdl: readFileSync(path.join(repoRoot, 'schema', 'committees.graphql'), 'utf8') }];
const sdl = (field: string) =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])\ntype Community @key(fields: "id") { id: ID! ${field}: Int }\ntype Query { healthCenterPing: Int }`;

const register =
  'mutation($n: String!, $p: String!, $u: String!) { registerPartnerSubgraph(name: $n, partnerId: $p, routingUrl: $u) { signingSecret subgraph { name kind partnerId currentVersion } } }';
const publish = 'mutation($n: String!, $s: String!) { publishSubgraph(name: $n, sdl: $s) { ok check { errors { code where } } subgraph { currentVersion } } }';

it('the published SDL in schema/ matches the code (run `npm run compose`)', () => {
  expect(`${printSubgraphSchema(registry.schema).trim()}\n`).toBe(readFileSync(path.join(repoRoot, 'schema', 'registry.graphql'), 'utf8'));
});

await describeOnEachDatabase('registry', (kind) => {
  let sg: TestSubgraph<DB>;
  let supergraphUrl: string;
  beforeAll(async () => {
    sg = await startTestSubgraph(registrySubgraph({ read: () => core, intervalMs: 50 }), kind);
    supergraphUrl = sg.url.replace(/\/graphql$/, '/supergraph.graphql');
    await vi.waitFor(async () => expect((await fetch(supergraphUrl)).status).toBe(200), { timeout: 10_000, interval: 50 });
  });
  afterAll(() => sg?.dispose());

  it('serves the composed supergraph with an ETag, and 304 while it has not changed', async () => {
    const res = await fetch(supergraphUrl);
    const text = await res.text();
    expect(validateSupergraph(text).map((s) => s.name)).toEqual(['committees']);
    expect(partnerKeysOf(text).size).toBe(0);
    const again = await fetch(supergraphUrl, { headers: { 'if-none-match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('serves no supergraph until every core subgraph is recorded (replicas record them concurrently on a fresh database)', async () => {
    const log = { error: () => {}, warn: () => {}, info: () => {}, debug: () => {} } as never;
    expect(await supergraphServer(sg.db.prisma, log, () => ['committees', 'party']).current()).toBeUndefined();
    const served = await supergraphServer(sg.db.prisma, log, () => ['committees']).current();
    expect(validateSupergraph(served!.sdl).map((s) => s.name)).toEqual(['committees']);
  });

  it('registers a partner for administrators only, with clear refusals', async () => {
    const vars = { n: 'health-center', p: partner.partnerId, u: 'http://127.0.0.1:4100/graphql' };
    expect((await sg.query(register, vars)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await sg.query(register, vars, partner)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await sg.query(register, { ...vars, n: 'Health Center' }, admin)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await sg.query(register, { ...vars, n: 'committees' }, admin)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await sg.query(register, { ...vars, u: 'ftp://x' }, admin)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const done = await sg.query(register, vars, admin);
    expect(done.errors).toBeUndefined();
    expect(done.data?.registerPartnerSubgraph).toEqual({
      signingSecret: partnerSigningSecret(sg.upstreamSecret, 'health-center', 1),
      subgraph: { name: 'health-center', kind: 'PARTNER', partnerId: partner.partnerId, currentVersion: null },
    });
    expect((await sg.query(register, vars, admin)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('records a publish with who and what changed, and a refused one not at all', async () => {
    const refused = await sg.query(publish, { n: 'health-center', s: sdl('name') }, partner);
    expect(refused.data?.publishSubgraph).toMatchObject({ ok: false, subgraph: { currentVersion: null } });
    // Policy and composition together.
    expect(refused.data?.publishSubgraph.check.errors).toEqual(
      expect.arrayContaining([
        { code: 'POLICY_CORE_FIELD', where: 'Community.name' },
        { code: 'INVALID_FIELD_SHARING', where: 'health-center' },
      ]),
    );

    const ok = await sg.query(publish, { n: 'health-center', s: sdl('clinicCount') }, partner);
    expect(ok.data?.publishSubgraph).toMatchObject({ ok: true, subgraph: { currentVersion: 1 } });
    // The same SDL again changes nothing, and records nothing.
    expect((await sg.query(publish, { n: 'health-center', s: sdl('clinicCount') }, partner)).data?.publishSubgraph).toMatchObject({
      ok: true,
      subgraph: { currentVersion: 1 },
    });
    const history = await sg.query(
      '{ registeredSubgraph(name: "health-center") { versions { version action actor changes { path criticality } } } }',
      {},
      admin,
    );
    expect(history.data?.registeredSubgraph.versions).toEqual([
      expect.objectContaining({
        version: 1,
        action: 'PUBLISH',
        actor: 'PARTNER:hc-ops',
        changes: expect.arrayContaining([{ path: 'Community.clinicCount', criticality: 'SAFE' }]),
      }),
    ]);
    const served = await (await fetch(supergraphUrl)).text();
    expect(validateSupergraph(served).map((s) => s.name)).toEqual(['committees', 'health-center']);
    expect(Object.fromEntries(partnerKeysOf(served))).toEqual({ 'health-center': 1 });
  });

  it('lets two racing publishes land one after the other, never both on one check', async () => {
    const results = await Promise.all(['bedCount', 'doctorCount'].map((f) => sg.query(publish, { n: 'health-center', s: sdl(f) }, admin)));
    const outcomes = results.map((r) => (r.data?.publishSubgraph?.ok ? 'published' : r.errors?.[0]?.extensions?.code));
    expect(outcomes.filter((o) => o === 'published').length).toBeGreaterThanOrEqual(1);
    for (const o of outcomes) expect(['published', 'CONFLICT']).toContain(o);
    const versions = await sg.db.prisma.subgraphVersion.findMany({ where: { subgraphName: 'health-center' }, orderBy: { version: 'asc' } });
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: versions.length }, (_, i) => i + 1));
    expect(versions.length).toBe(1 + outcomes.filter((o) => o === 'published').length);

    // The loser of a race, deterministically: its check saw a federation that has changed since.
    const row = (await sg.db.prisma.registeredSubgraph.findUnique({ where: { name: 'health-center' } }))!;
    const stale = recordVersion(sg.db.prisma, row, 'a state from before', {
      action: 'PUBLISH',
      sdl: sdl('late'),
      routingUrl: row.routingUrl,
      actor: 'ADMIN:x',
      changes: [],
    });
    await expect(stale).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(await sg.db.prisma.subgraphVersion.count({ where: { subgraphName: 'health-center' } })).toBe(versions.length);
  });

  it('keeps a partner to its own subgraphs, and core ones to schema/', async () => {
    await sg.query(register, { n: 'school-district', p: 'edu-bureau', u: 'http://127.0.0.1:4200/graphql' }, admin);
    const other = await sg.query(publish, { n: 'school-district', s: sdl('x') }, partner);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const coreByAdmin = await sg.query(publish, { n: 'committees', s: sdl('x') }, admin);
    expect(coreByAdmin.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const seen = await sg.query('{ registeredSubgraphs { name } }', {}, partner);
    expect(seen.data?.registeredSubgraphs.map((s: { name: string }) => s.name)).toEqual(['committees', 'health-center']);
    expect((await sg.query('{ registeredSubgraphs { name } }', {}, { role: 'OBSERVER', sub: 'o' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('rotates a secret: a new generation in the supergraph, the old secret gone', async () => {
    const rotated = await sg.query('mutation { rotatePartnerSigningSecret(name: "health-center") { signingSecret subgraph { keyGeneration } } }', {}, partner);
    expect(rotated.data?.rotatePartnerSigningSecret).toEqual({
      signingSecret: partnerSigningSecret(sg.upstreamSecret, 'health-center', 2),
      subgraph: { keyGeneration: 2 },
    });
    expect(Object.fromEntries(partnerKeysOf(await (await fetch(supergraphUrl)).text()))).toEqual({ 'health-center': 2 });
  });
});
