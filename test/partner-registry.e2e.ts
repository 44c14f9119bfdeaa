// A partner agency joins a running hub through its registry, as the example partner's README says:
// the district registers it, it starts with its own signing secret, `npm run subgraph -- check`
// and `publish` — and its fields answer through the gateway within seconds, while dashboards keep
// querying without a single failure and a live feed stays open. Then what must be refused is:
// a version that breaks a recorded operation, a partner taking core fields, a partner publishing
// another's subgraph, a partner's secret at a core subgraph; and remove and rollback are live.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { canonicalJson } from '@shequ/kit/auth/canonical-json';
import { signRequest } from '@shequ/kit/auth/upstream-signature';
import { sha256 } from '@shequ/kit/federation/operations';
import type { TokenClaims } from '@shequ/kit';
import { repoRoot } from '@shequ/kit/paths';
import { postGraphQL, startTestFederation, type GraphQLResponse, type TestFederation } from '@shequ/testing';
import { parse, print, visit } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHealthCenter } from '../examples/partner-health-center/src/server.js';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';
import evaluations from '../subgraphs/evaluations/src/index.js';
import { readCoreSubgraphs } from '../subgraphs/registry/src/domain/core.js';
import { registrySubgraph } from '../subgraphs/registry/src/index.js';
import { accepted, admin, cast, levels, openCampaign, rep } from './evaluations-helpers.js';
import { WsFeed } from './live-clients.js';

const run = promisify(execFile);
const unreachable = 'http://127.0.0.1:1/graphql';
const healthQuery = 'query CommunityHealth($id: ID!) {\n  community(id: $id) {\n    name\n    clinics {\n      name\n    }\n    vaccinationRate\n  }\n}';
type Health = { community: { name: string; clinics?: { name: string }[]; vaccinationRate?: number | null } | null };
const dashboardQuery = '{ streets { id name communities { id name } } }';
const keys = ['attitude', 'efficiency'];
const progressQuery = 'subscription($c: ID!) { campaignProgress(campaignId: $c) { ballotsCast } }';
type Progress = { campaignProgress: { ballotsCast: number } };
const partnerClaims: TokenClaims = { role: 'PARTNER', partnerId: 'health-center-jianghan', sub: 'health-center-ops' };

let hub: TestFederation;
let dir: string;
let adminToken: string;
let partnerPort: number;
let partner: { url: string; close(): Promise<void> } | undefined;
const partnerUrl = () => `http://127.0.0.1:${partnerPort}/graphql`;

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run subgraph -- …` against this hub, as a user runs it. */
async function cli(args: string[], token = adminToken): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot, 'scripts', 'subgraph.ts'), ...args, '--gateway', hub.url, '--token', token],
      {
        cwd: repoRoot,
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** The SDL without one field (and its description). */
function withoutField(sdl: string, type: string, field: string): string {
  return print(
    visit(parse(sdl), {
      FieldDefinition: (node, _key, _parent, _path, ancestors) => {
        const owner = ancestors.at(-1) as { name?: { value: string } } | undefined;
        return owner?.name?.value === type && node.name.value === field ? null : undefined;
      },
    }),
  );
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const community = (id = 'community-minzu-01') => hub.query<Health>(healthQuery, { id });
const clinicsServed = async () => ((await community()).data?.community?.clinics?.length ?? 0) > 0;

/** Dashboard queries back to back from four screens until stopped: every failure is kept. */
function dashboardLoad() {
  let running = true;
  let requests = 0;
  const failures: string[] = [];
  const screen = async () => {
    while (running) {
      const res = await hub
        .query<{ streets: unknown[] }>(dashboardQuery)
        .catch((e: Error) => ({ errors: [{ message: e.message }] }) as GraphQLResponse<{ streets: unknown[] }>);
      requests++;
      if (res.errors || res.data?.streets.length !== 13) failures.push(JSON.stringify(res).slice(0, 300));
    }
  };
  const screens = Array.from({ length: 4 }, screen);
  return {
    async stop() {
      running = false;
      await Promise.all(screens);
      return { requests, failures };
    },
  };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'shequ-partner-'));
  // The recorded operations of the hub, and a community hall's health screen that uses the partner's fields.
  const operations = path.join(dir, 'operations');
  await cp(path.join(repoRoot, 'schema', 'operations'), operations, { recursive: true });
  await writeFile(path.join(operations, 'health-screen.json'), `${JSON.stringify({ [sha256(healthQuery)]: healthQuery }, null, 2)}\n`);
  process.env.TRUSTED_DOCUMENTS_DIR = operations;

  const urls = new Map<string, string>();
  // The registry routes core subgraphs where this hub runs them; those it does not run are unreachable.
  const registry = registrySubgraph({
    read: () => readCoreSubgraphs(undefined, (name) => urls.get(name) ?? (name === 'registry' ? undefined : unreachable)),
    intervalMs: 200,
  });
  hub = await startTestFederation({
    subgraphs: [committees, departments, evaluations, registry],
    watchSupergraph: (subgraphs) => {
      for (const [name, s] of Object.entries(subgraphs)) urls.set(name, s.url);
      return subgraphs.registry!.url.replace(/\/graphql$/, '/supergraph.graphql');
    },
  });
  adminToken = await hub.token(admin);
  // The gateway has switched from the composed file to the registry's supergraph.
  await vi.waitFor(() => expect(hub.gateway.gateway.source.current()).toMatch(/^# shequ partner keys: \{\}/), { timeout: 20_000, interval: 100 });
  partnerPort = await freePort();
}, 180_000);

afterAll(async () => {
  await partner?.close();
  await hub?.close();
  delete process.env.TRUSTED_DOCUMENTS_DIR;
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a partner agency joins the running hub', () => {
  let secret: string;

  it('registers, starts with its own secret, passes the check, and answers through the gateway within seconds of publishing', async () => {
    const registered = await cli(['register', '--name', 'health-center', '--partner', partnerClaims.partnerId!, '--url', partnerUrl()]);
    expect(registered.code, registered.stderr).toBe(0);
    secret = registered.stdout.trim().split('\n').at(-1)!.trim();
    expect(secret).toMatch(/^[\w-]{32,}$/);
    partner = await startHealthCenter({ port: partnerPort, host: '127.0.0.1', signingSecret: secret });

    const check = await cli(['check', '--name', 'health-center', '--url', partnerUrl()], await hub.token(partnerClaims));
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect((await community()).errors?.[0]?.message).toMatch(/clinics/);

    const campaign = await openCampaign(hub, {
      targets: [{ kind: 'DEPARTMENT', id: 'dept-health' }],
      criteria: [
        { key: 'attitude', label: '服务态度', weight: 0.6 },
        { key: 'efficiency', label: '办事效率', weight: 0.4 },
      ],
      minBallots: 1,
    });
    accepted(await cast(hub, rep('community-minzu-01', 1), campaign, 'dept-health', levels(keys, [4, 4])));
    const feed = new WsFeed<Progress>(hub.url, progressQuery, { c: campaign });
    const load = dashboardLoad();
    try {
      await feed.next((e) => e.data?.campaignProgress.ballotsCast === 1);
      const published = Date.now();
      const publish = await cli(['publish', '--name', 'health-center', '--url', partnerUrl()], await hub.token(partnerClaims));
      expect(publish.code, publish.stdout + publish.stderr).toBe(0);
      await vi.waitFor(async () => expect(await clinicsServed()).toBe(true), { timeout: 10_000, interval: 100 });
      const seconds = (Date.now() - published) / 1000;
      console.log(`partner fields answered through the gateway ${seconds.toFixed(1)} s after publish`);

      const { data } = await community();
      expect(data?.community?.name).toBeTruthy();
      expect(data?.community?.clinics?.length).toBeGreaterThanOrEqual(1);
      expect(data?.community?.vaccinationRate === null || (data!.community!.vaccinationRate! > 0 && data!.community!.vaccinationRate! <= 1)).toBe(true);

      // The live feed was kept through the switch, and still delivers.
      accepted(await cast(hub, rep('community-minzu-01', 2), campaign, 'dept-health', levels(keys, [5, 3])));
      await feed.next((e) => e.data?.campaignProgress.ballotsCast === 2);
      expect(feed.ended).toBeNull();
    } finally {
      const { requests, failures } = await load.stop();
      console.log(`dashboard load during publish: ${requests} requests, ${failures.length} failed`);
      await feed.close();
      expect(failures).toEqual([]);
      expect(requests).toBeGreaterThan(20);
    }
  });

  it('refuses a second version that removes a field a recorded operation uses, naming the operation and the field', async () => {
    const current = (await cli(['history', '--name', 'health-center', '--json'])).stdout;
    expect(current).toMatch(/PUBLISH/);
    const sdl = (await postGraphQL<{ _service: { sdl: string } }>(partnerUrl(), '{ _service { sdl } }')).data!._service.sdl;
    const v2 = path.join(dir, 'v2.graphql');
    await writeFile(v2, withoutField(sdl, 'Community', 'vaccinationRate'));
    const check = await cli(['check', '--name', 'health-center', '--schema', v2]);
    expect(check.code).toBe(1);
    expect(check.stdout + check.stderr).toMatch(/BREAKS_RECORDED_OPERATION/);
    expect(check.stdout + check.stderr).toMatch(/CommunityHealth[\s\S]*vaccinationRate/);
  });

  it('refuses a partner that redefines Community.name or @overrides a core field', async () => {
    const base = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@override"])\n';
    const redefines = path.join(dir, 'redefines.graphql');
    await writeFile(
      redefines,
      `${base}type Community @key(fields: "id") { id: ID! name: String! @shareable clinics: [Clinic!]! }\ntype Clinic { name: String! }`,
    );
    const overrides = path.join(dir, 'overrides.graphql');
    await writeFile(overrides, `${base}type Community @key(fields: "id") { id: ID! population: Int! @override(from: "committees") }`);
    const one = await cli(['check', '--name', 'health-center', '--schema', redefines]);
    expect(one.code).toBe(1);
    expect(one.stdout).toMatch(/POLICY_CORE_FIELD[\s\S]*Community\.name/);
    const two = await cli(['publish', '--name', 'health-center', '--schema', overrides]);
    expect(two.code).toBe(1);
    expect(two.stdout).toMatch(/POLICY_OVERRIDE[\s\S]*Community\.population/);
    // Neither was published: the partner's fields still answer.
    expect(await clinicsServed()).toBe(true);
  });

  it("a partner token cannot publish another partner's subgraph, nor a core one", async () => {
    accepted(
      await hub.query(
        'mutation { registerPartnerSubgraph(name: "school-district", partnerId: "edu-bureau", routingUrl: "http://127.0.0.1:1/graphql") { subgraph { name } } }',
        {},
        admin,
      ),
    );
    const sdl = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])\ntype Query { schoolDistrictSchools: [String!]! }';
    const publish = 'mutation($name: String!, $sdl: String!) { publishSubgraph(name: $name, sdl: $sdl) { ok } }';
    const other = await hub.query(publish, { name: 'school-district', sdl }, partnerClaims);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const core = await hub.query(publish, { name: 'committees', sdl }, partnerClaims);
    expect(core.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const list = await hub.query<{ registeredSubgraphs: { name: string }[] }>('{ registeredSubgraphs { name } }', {}, partnerClaims);
    expect(list.data?.registeredSubgraphs.map((s) => s.name)).not.toContain('school-district');
    const cliAttempt = await cli(['publish', '--name', 'school-district', '--schema', path.join(dir, 'redefines.graphql')], await hub.token(partnerClaims));
    expect(cliAttempt.code).toBe(1);
    expect(cliAttempt.stderr + cliAttempt.stdout).toMatch(/FORBIDDEN/);
  });

  it("a request signed with the partner's secret is refused by a core subgraph", async () => {
    const query = '{ communities { id } }';
    // Signed exactly as the gateway signs (nonce and all), only with the partner's secret.
    const body = { query, extensions: signRequest({ query, extensions: { jwt: { payload: { role: 'DISTRICT_ADMIN' } } } }, secret) };
    const res = await fetch(hub.subgraphs.committees!.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: canonicalJson(body) });
    const json = (await res.json()) as GraphQLResponse;
    expect(json.data ?? null).toBeNull();
    expect(json.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // The partner itself accepts what the gateway signs for it (the fields above answered) and nothing unsigned.
    const unsigned = await postGraphQL(partnerUrl(), '{ healthCenterClinics { name } }');
    expect(unsigned.data ?? null).toBeNull();
  });

  it('remove is refused while recorded operations use its fields, and forced takes it out live; rollback restores it', async () => {
    const refused = await cli(['remove', '--name', 'health-center']);
    expect(refused.code).toBe(1);
    expect(refused.stdout + refused.stderr).toMatch(/CommunityHealth/);
    expect(await clinicsServed()).toBe(true);

    const removed = await cli(['remove', '--name', 'health-center', '--force']);
    expect(removed.code, removed.stdout + removed.stderr).toBe(0);
    await vi.waitFor(async () => expect((await community()).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED'), {
      timeout: 10_000,
      interval: 100,
    });
    accepted(await hub.query(dashboardQuery));

    const rolledBack = await cli(['rollback', '--name', 'health-center']);
    expect(rolledBack.code, rolledBack.stdout + rolledBack.stderr).toBe(0);
    expect(rolledBack.stdout).toMatch(/rolled back to version 1, recorded as version 3/);
    await vi.waitFor(async () => expect(await clinicsServed()).toBe(true), { timeout: 10_000, interval: 100 });
    const history = JSON.parse((await cli(['history', '--name', 'health-center', '--json'])).stdout) as {
      registeredSubgraph: { versions: { action: string }[] };
    };
    expect(history.registeredSubgraph.versions.map((v) => v.action)).toEqual(['ROLLBACK', 'REMOVE', 'PUBLISH']);
  });

  it('rotating the secret cuts off the old one: the partner answers again once it has the new one', async () => {
    const rotated = await cli(['rotate-secret', '--name', 'health-center']);
    expect(rotated.code, rotated.stderr).toBe(0);
    const next = rotated.stdout.trim().split('\n').at(-1)!.trim();
    expect(next).not.toBe(secret);
    // The gateway signs with the new secret from its next poll; the partner still holds the old one.
    await vi.waitFor(async () => expect(await clinicsServed()).toBe(false), { timeout: 10_000, interval: 100 });
    // The rest of the hub is not held up by a partner that refuses the gateway.
    expect((await hub.query<Health>('query($id: ID!) { community(id: $id) { name } }', { id: 'community-minzu-01' })).data?.community?.name).toBeTruthy();
    await partner!.close();
    partner = await startHealthCenter({ port: partnerPort, host: '127.0.0.1', signingSecret: next });
    await vi.waitFor(async () => expect(await clinicsServed()).toBe(true), { timeout: 10_000, interval: 100 });
  });
});
