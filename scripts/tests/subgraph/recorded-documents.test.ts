// The CLI's documents are recorded in schema/operations/registry-cli.json, byte for byte: a
// gateway with TRUSTED_DOCUMENTS=true runs nothing else. These tests keep the file from drifting
// from what the CLI really sends.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadTrustedDocuments } from '@shequ/gateway/trusted-documents';
import { useTrustedDocuments } from '@shequ/gateway/use-trusted-documents';
import { readRecordedOperations, sha256 } from '@shequ/kit/federation/operations';
import { repoRoot } from '@shequ/kit/paths';
import { buildASTSchema, Kind, parse, print, validate, type DefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestFile, manifestText } from '../../subgraph/manifest.ts';
import { operations } from '../../subgraph/operations.ts';
import { cli, data, fakeServer, type FakeServer } from './fake-server.ts';
import { breakingCheck, partner, passingCheck, versions } from './fixtures.ts';

const operationsDir = path.join(repoRoot, 'schema', 'operations');
const recorded = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, string>;
const documents = Object.values(operations).map((o) => o.document);

describe('schema/operations/registry-cli.json', () => {
  it('holds exactly the documents of operations.ts, each under its sha256', () => {
    expect(Object.keys(recorded).sort()).toEqual(documents.map(sha256).sort());
    for (const [hash, document] of Object.entries(recorded)) expect(sha256(document)).toBe(hash);
  });

  it('is written the one way: sorted keys, 2-space indent, trailing newline (npx tsx scripts/subgraph/manifest.ts)', () => {
    expect(readFileSync(manifestFile, 'utf8')).toBe(manifestText());
    expect(Object.keys(recorded)).toEqual(Object.keys(recorded).sort());
  });

  it('is read by the kit like every manifest, hashes checked', () => {
    const ours = readRecordedOperations(operationsDir).filter((op) => op.file === 'registry-cli.json');
    expect(ours.map((op) => op.hash).sort()).toEqual(Object.keys(recorded));
  });

  it('documents are in print() form and valid against the registry schema', () => {
    const sdl = parse(readFileSync(path.join(repoRoot, 'schema', 'registry.graphql'), 'utf8'));
    // The federation @link extension is the subgraph's business, not the API's.
    const schema = buildASTSchema(
      { ...sdl, definitions: sdl.definitions.filter((d: DefinitionNode) => d.kind !== Kind.SCHEMA_EXTENSION) },
      { assumeValidSDL: true },
    );
    for (const { name, document } of Object.values(operations)) {
      const ast = parse(document);
      expect(print(ast), name).toBe(document);
      expect(
        validate(schema, ast).map((e) => e.message),
        name,
      ).toEqual([]);
      const named = ast.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
      expect(
        named.map((d) => d.name?.value),
        name,
      ).toEqual([name]);
    }
  });
});

describe('what the CLI sends', () => {
  let gateway: FakeServer;
  let partnerServer: FakeServer;
  const outcome = { ok: true, check: passingCheck, subgraph: partner };
  const secret = { signingSecret: 's3cret', subgraph: partner };

  beforeAll(async () => {
    gateway = await fakeServer({
      RegisteredSubgraphs: data({ registeredSubgraphs: [partner] }),
      RegisteredSubgraph: data({ registeredSubgraph: partner }),
      SubgraphHistory: data({ registeredSubgraph: { ...partner, versions } }),
      SubgraphCheck: data({ subgraphCheck: breakingCheck }),
      PublishSubgraph: data({ publishSubgraph: outcome }),
      RollbackSubgraph: data({ rollbackSubgraph: outcome }),
      RemoveSubgraph: data({ removeSubgraph: { ...outcome, subgraph: { ...partner, active: false, currentVersion: null } } }),
      RegisterPartnerSubgraph: data({ registerPartnerSubgraph: secret }),
      RotatePartnerSigningSecret: data({ rotatePartnerSigningSecret: secret }),
    });
    partnerServer = await fakeServer({ SubgraphIntrospect: data({ _service: { sdl: 'type Query { demoPartnerHello: String }' } }) });
    const g = ['--gateway', gateway.url];
    const schema = path.join(repoRoot, 'schema', 'registry.graphql');
    for (const argv of [
      ['list'],
      ['history', '--name', 'demo-partner', '--last', '3'],
      ['check', '--name', 'demo-partner', '--schema', schema],
      ['diff', '--name', 'demo-partner', '--url', partnerServer.url],
      ['publish', '--name', 'demo-partner', '--schema', schema],
      ['publish', '--name', 'demo-partner'],
      ['rollback', '--name', 'demo-partner', '--version', '1'],
      ['remove', '--name', 'demo-partner'],
      ['register', '--name', 'demo-partner', '--partner', 'p1', '--url', 'http://127.0.0.1:4959/graphql'],
      ['rotate-secret', '--name', 'demo-partner'],
    ]) {
      const { code, stderr } = await cli([...argv, ...g]);
      // publish without a source introspects the registered URL, where nothing listens here.
      if (argv.length === 3 && argv[0] === 'publish') expect(stderr).toContain('cannot reach the partner subgraph');
      else expect(code, `${argv.join(' ')}: ${stderr}`).toBe(0);
    }
  });
  afterAll(async () => {
    await gateway?.close();
    await partnerServer?.close();
  });

  it('sends every operation of operations.ts, as recorded text with its name', () => {
    expect(new Set(gateway.received.map((r) => r.body.operationName))).toEqual(new Set(Object.values(operations).map((o) => o.name)));
    for (const { body } of gateway.received) {
      expect(recorded[sha256(body.query ?? '')], body.operationName).toBe(body.query);
      expect(body.query, body.operationName).toBe(Object.values(operations).find((o) => o.name === body.operationName)?.document);
    }
  });

  it('is accepted by a gateway that enforces trusted documents', () => {
    const manifest = loadTrustedDocuments(operationsDir);
    // Installed only when TRUSTED_DOCUMENTS is on: a gateway that does not enforce has no check to pass.
    const plugin = useTrustedDocuments(manifest, { bypassRoles: ['SERVICE'], maxTokens: 3_000 });
    const onParams = plugin.onParams as unknown as (payload: Record<string, unknown>) => void;
    for (const { body } of gateway.received) {
      let refusal: unknown;
      onParams({
        params: body,
        setParams: () => undefined,
        setResult: (r: unknown) => (refusal = r),
        request: new Request(gateway.url, { method: 'POST' }),
        context: {},
      });
      expect(refusal, body.operationName).toBeUndefined();
    }
    // The control: the same plugin does refuse a document that is not recorded.
    let refusal: unknown;
    const enforcing = useTrustedDocuments(manifest, { bypassRoles: ['SERVICE'], maxTokens: 3_000 }).onParams as unknown as (
      payload: Record<string, unknown>,
    ) => void;
    enforcing({
      params: { query: '{ registeredSubgraphs { name } }' },
      setParams: () => undefined,
      setResult: (r: unknown) => (refusal = r),
      request: new Request(gateway.url, { method: 'POST' }),
      context: {},
    });
    expect(JSON.stringify(refusal)).toContain('OPERATION_NOT_TRUSTED');
  });

  it('sends the bearer token to the gateway and none to the partner', () => {
    for (const { headers } of gateway.received) expect(headers.authorization).toBe('Bearer test-token');
    expect(partnerServer.received).toHaveLength(1);
    expect(partnerServer.received[0]!.headers.authorization).toBeUndefined();
    expect(partnerServer.received[0]!.body.query).toContain('_service');
  });

  it('passes the variables the registry expects', () => {
    const sent = (name: string) => gateway.received.filter((r) => r.body.operationName === name).map((r) => r.body.variables);
    expect(sent('SubgraphHistory')).toEqual([{ name: 'demo-partner', last: 3 }]);
    expect(sent('SubgraphCheck')).toEqual([
      { name: 'demo-partner', sdl: readFileSync(path.join(repoRoot, 'schema', 'registry.graphql'), 'utf8') },
      { name: 'demo-partner', sdl: 'type Query { demoPartnerHello: String }', routingUrl: partnerServer.url },
    ]);
    expect(sent('PublishSubgraph')).toHaveLength(1);
    expect(sent('PublishSubgraph')[0]).toMatchObject({ name: 'demo-partner', force: false });
    expect(sent('RollbackSubgraph')).toEqual([{ name: 'demo-partner', version: 1, force: false }]);
    expect(sent('RegisterPartnerSubgraph')).toEqual([{ name: 'demo-partner', partnerId: 'p1', routingUrl: 'http://127.0.0.1:4959/graphql' }]);
  });
});
