// The CLI end to end, in-process, against a small HTTP server standing in for the gateway and
// for a partner subgraph: exit codes, what goes to stdout and to stderr, and failure messages.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jwtVerify } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resolveToken } from '../../subgraph/auth.ts';
import { CliError } from '../../subgraph/client.ts';
import { cli, data, deadUrl, fakeServer, type FakeServer } from './fake-server.ts';
import { breakingCheck, failingCheck, partner, passingCheck, recordedOnlyCheck } from './fixtures.ts';

let gateway: FakeServer;
let dir: string;
beforeAll(async () => {
  gateway = await fakeServer();
  dir = mkdtempSync(path.join(tmpdir(), 'subgraph-cli-'));
  writeFileSync(path.join(dir, 'demo.graphql'), 'type Query { demoPartnerHello: String }\n');
  writeFileSync(path.join(dir, 'empty.graphql'), '  \n');
});
afterEach(() => {
  gateway.answers.clear();
  gateway.received.length = 0;
});
afterAll(async () => {
  await gateway?.close();
  rmSync(dir, { recursive: true, force: true });
});

const withGateway = (...argv: string[]) => cli([...argv, '--gateway', gateway.url], { cwd: dir });

describe('failures', () => {
  it('a GraphQL error: "subgraph: CODE: message", exit 1', async () => {
    gateway.answers.set('PublishSubgraph', () => ({
      json: {
        data: null,
        errors: [
          { message: 'committees is a core subgraph: it changes through the repository (npm run compose), not the registry', extensions: { code: 'CONFLICT' } },
        ],
      },
    }));
    const r = await withGateway('publish', '--name', 'committees', '--schema', 'demo.graphql');
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: 'subgraph: CONFLICT: committees is a core subgraph: it changes through the repository (npm run compose), not the registry\n',
    });
  });

  it('every error of the answer, one line each', async () => {
    gateway.answers.set('RegisteredSubgraphs', () => ({ json: { errors: [{ message: 'a', extensions: { code: 'FORBIDDEN' } }, { message: 'b' }] } }));
    const r = await withGateway('list');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toEqual(['subgraph: FORBIDDEN: a', 'subgraph: ERROR: b', 'subgraph: (the request carried the token from SHEQU_TOKEN)', '']);
  });

  it('a rejected token: the HTTP status as the code, where the token came from, never the token', async () => {
    gateway.answers.set('RegisteredSubgraphs', () => ({ status: 400, json: { errors: [{ message: 'Invalid authentication token provided' }] } }));
    const r = await cli(['list', '--gateway', gateway.url, '--token', 'eyJ.secret.token']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('subgraph: HTTP_400: Invalid authentication token provided\nsubgraph: (the request carried the token from --token)\n');
    expect(r.stdout + r.stderr).not.toContain('eyJ.secret.token');
  });

  it('an unreachable gateway: one line naming the URL, no stack, exit 1', async () => {
    const url = await deadUrl();
    const r = await cli(['list', '--gateway', url]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^subgraph: cannot reach the gateway at ${url.replace(/[.]/g, '\\.')}: .*ECONNREFUSED.*\\n$`));
    expect(r.stderr).not.toContain('    at ');
  });

  it('an unreachable partner subgraph: the same, naming the partner URL', async () => {
    const url = await deadUrl();
    const r = await withGateway('check', '--name', 'demo-partner', '--url', url);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^subgraph: cannot reach the partner subgraph at ${url.replace(/[.]/g, '\\.')}: `));
    expect(gateway.received).toHaveLength(0);
  });

  it('a partner that serves no SDL, or errors', async () => {
    const p = await fakeServer({ SubgraphIntrospect: data({ _service: null }) });
    try {
      expect((await withGateway('diff', '--name', 'demo-partner', '--url', p.url)).stderr).toContain(
        `the partner subgraph at ${p.url} serves no SDL at _service { sdl }`,
      );
      p.answers.set('SubgraphIntrospect', () => ({
        status: 400,
        json: { errors: [{ message: 'Cannot query field "_service" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] },
      }));
      expect((await withGateway('diff', '--name', 'demo-partner', '--url', p.url)).stderr).toBe(
        `subgraph: the partner subgraph at ${p.url} refused _service { sdl }: GRAPHQL_VALIDATION_FAILED: Cannot query field "_service" on type "Query".\n`,
      );
    } finally {
      await p.close();
    }
  });

  it('something that is not GraphQL: the status and the start of the body', async () => {
    gateway.answers.set('RegisteredSubgraphs', () => ({ status: 502, text: '<html>Bad Gateway</html>' }));
    const r = await withGateway('list');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `subgraph: the gateway at ${gateway.url} answered HTTP 502 (<html>Bad Gateway</html>), not a GraphQL response: is that the right URL?\n`,
    );
  });

  it('a schema file that is missing or empty, relative to where the user is', async () => {
    expect((await withGateway('check', '--name', 'n', '--schema', 'nope.graphql')).stderr).toBe(
      `subgraph: cannot read the schema ${path.join(dir, 'nope.graphql')}: no such file\n`,
    );
    expect((await withGateway('check', '--name', 'n', '--schema', 'empty.graphql')).stderr).toBe(
      `subgraph: the schema ${path.join(dir, 'empty.graphql')} is empty\n`,
    );
    expect(gateway.received).toHaveLength(0);
  });

  it('a usage error: the message and the usage, exit 2', async () => {
    const r = await cli(['check', '--name', 'n']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^subgraph: check: --schema <file> or --url <partner URL> is required\nusage: npm run subgraph -- <command>/);
  });

  it('--help: the usage on stdout, exit 0', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm run subgraph -- <command> \[flags\]/);
    expect(r.stdout).toContain('rotate-secret --name <subgraph>');
  });
});

describe('check and diff', () => {
  it('check: a failing check prints every finding and exits 1', async () => {
    gateway.answers.set('SubgraphCheck', data({ subgraphCheck: failingCheck }));
    const r = await withGateway('check', '--name', 'demo-partner', '--schema', 'demo.graphql');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('demo-partner: the check fails: 3 errors, 1 warning');
    expect(r.stdout).toContain('  POLICY_ROOT_FIELD_NAME at Query.hello: ');
    expect(r.stdout).toContain("  BREAKING   Field 'name' was removed from object type 'Community' (Community.name)");
    expect(gateway.received[0]!.body.variables).toEqual({ name: 'demo-partner', sdl: 'type Query { demoPartnerHello: String }\n' });
  });

  it('check --json: the data as it came, same exit code', async () => {
    gateway.answers.set('SubgraphCheck', data({ subgraphCheck: failingCheck }));
    const r = await withGateway('check', '--name', 'demo-partner', '--schema', 'demo.graphql', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({ subgraphCheck: failingCheck });
  });

  it('diff: information, exit 0 even with breaking changes; --fail-on-breaking exits 1', async () => {
    gateway.answers.set('SubgraphCheck', data({ subgraphCheck: breakingCheck }));
    const r = await withGateway('diff', '--name', 'demo-partner', '--schema', 'demo.graphql');
    expect(r).toEqual({
      code: 0,
      stdout:
        "demo-partner: publishing would make 1 schema change (1 breaking)\n  BREAKING   Field 'demoPartnerHello' was removed from object type 'Query' (Query.demoPartnerHello)\n",
      stderr: '',
    });
    expect((await withGateway('diff', '--name', 'demo-partner', '--schema', 'demo.graphql', '--fail-on-breaking')).code).toBe(1);
    gateway.answers.set('SubgraphCheck', data({ subgraphCheck: passingCheck }));
    expect((await withGateway('diff', '--name', 'demo-partner', '--schema', 'demo.graphql', '--fail-on-breaking')).code).toBe(0);
  });

  it('diff of a schema that does not compose: no changes known, exit 1', async () => {
    gateway.answers.set('SubgraphCheck', data({ subgraphCheck: { ...failingCheck, changes: [] } }));
    const r = await withGateway('diff', '--name', 'demo-partner', '--schema', 'demo.graphql');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('demo-partner: no schema changes to show: the check fails before they can be computed\n');
    expect(r.stderr).toContain('publishing this would be refused (3 errors)');
  });
});

describe('publish, rollback, remove', () => {
  it('publish: the new version', async () => {
    gateway.answers.set(
      'PublishSubgraph',
      data({ publishSubgraph: { ok: true, check: passingCheck, subgraph: { ...partner, currentVersion: 3, routingUrl: 'http://p.example/graphql' } } }),
    );
    const r = await withGateway('publish', '--name', 'demo-partner', '--schema', 'demo.graphql', '--url', 'http://p.example/graphql');
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(
      'demo-partner: published as version 3 (routing URL http://p.example/graphql); the gateways switch to it on their next supergraph poll',
    );
    expect(gateway.received[0]!.body.variables).toEqual({
      name: 'demo-partner',
      sdl: 'type Query { demoPartnerHello: String }\n',
      routingUrl: 'http://p.example/graphql',
      force: false,
    });
  });

  it('publish without a source introspects the registered routing URL', async () => {
    const p = await fakeServer({ SubgraphIntrospect: data({ _service: { sdl: 'type Query { demoPartnerHi: String }' } }) });
    try {
      gateway.answers.set('RegisteredSubgraph', data({ registeredSubgraph: { ...partner, routingUrl: p.url } }));
      gateway.answers.set('PublishSubgraph', data({ publishSubgraph: { ok: true, check: passingCheck, subgraph: partner } }));
      expect((await withGateway('publish', '--name', 'demo-partner', '--force')).code).toBe(0);
      expect(gateway.received.map((r) => r.body.variables)).toEqual([
        { name: 'demo-partner' },
        { name: 'demo-partner', sdl: 'type Query { demoPartnerHi: String }', force: true },
      ]);
    } finally {
      await p.close();
    }
  });

  it('publish of a subgraph that is not registered', async () => {
    gateway.answers.set('RegisteredSubgraph', data({ registeredSubgraph: null }));
    const r = await withGateway('publish', '--name', 'nope');
    expect(r).toMatchObject({ code: 1, stderr: 'subgraph: no subgraph named nope is registered (or your token may not see it)\n' });
  });

  it('remove refused: exit 1, the recorded operations that would break, and what --force would do', async () => {
    gateway.answers.set('RemoveSubgraph', data({ removeSubgraph: { ok: false, check: recordedOnlyCheck, subgraph: partner } }));
    const r = await withGateway('remove', '--name', 'demo-partner');
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('demo-partner: removal refused: 2 errors');
    expect(lines).toContain('Recorded operations that would break:');
    expect(lines).toContain('  feeds.json#PartnerFeed');
    expect(lines.at(-1)).toBe('--force does it anyway, and that operation breaks');
  });

  it('rollback refused by a policy error: no --force hint', async () => {
    gateway.answers.set('RollbackSubgraph', data({ rollbackSubgraph: { ok: false, check: failingCheck, subgraph: partner } }));
    const r = await withGateway('rollback', '--name', 'demo-partner', '--version', '1');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('demo-partner: rollback refused: 3 errors');
    expect(r.stdout).not.toContain('--force');
  });
});

describe('signing secrets', () => {
  const registration = { signingSecret: 'the-secret', subgraph: { ...partner, keyGeneration: 2 } };

  it('register: the secret alone on stdout, the hint on stderr', async () => {
    gateway.answers.set('RegisterPartnerSubgraph', data({ registerPartnerSubgraph: registration }));
    const r = await withGateway('register', '--name', 'demo-partner', '--partner', 'p1', '--url', 'http://127.0.0.1:4959/graphql');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('the-secret\n');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('shown once');
  });

  it('rotate-secret: the same', async () => {
    gateway.answers.set('RotatePartnerSigningSecret', data({ rotatePartnerSigningSecret: registration }));
    const r = await withGateway('rotate-secret', '--name', 'demo-partner');
    expect(r.stdout).toBe('the-secret\n');
    expect(r.stderr).toContain('key generation 2');
  });
});

describe('the token', () => {
  let data: string;
  beforeAll(() => {
    data = mkdtempSync(path.join(tmpdir(), 'subgraph-cli-keys-'));
  });
  afterAll(() => rmSync(data, { recursive: true, force: true }));

  it("without one and without the hub's key: says so, asks for --token, makes no key", async () => {
    const attempt = resolveToken(undefined, {}, data);
    await expect(attempt).rejects.toThrow(CliError);
    await expect(attempt).rejects.toThrow(`no development key at ${path.join(data, 'dev-keys.json')}`);
    await expect(attempt).rejects.toThrow('pass --token <jwt> or set SHEQU_TOKEN');
    const r = await cli(['list', '--gateway', gateway.url], { env: {}, dataDir: data });
    expect(r.code).toBe(1);
    expect(gateway.received).toHaveLength(0);
  });

  it("mints a 10-minute DISTRICT_ADMIN token with the hub's development key", async () => {
    const jwtSecret = 'a-development-secret-of-enough-length-0123456789';
    writeFileSync(path.join(data, 'dev-keys.json'), JSON.stringify({ jwtSecret, upstreamSecret: 'an-upstream-secret-of-enough-length-0123456789' }));
    const { token, origin } = await resolveToken(undefined, {}, data);
    const { payload } = await jwtVerify(token, new TextEncoder().encode(jwtSecret), { issuer: 'shequ', audience: 'shequ' });
    expect(payload.role).toBe('DISTRICT_ADMIN');
    expect(payload.exp! - payload.iat!).toBe(600);
    expect(payload.sub).toMatch(/^subgraph-cli:/);
    expect(origin).toContain(path.join(data, 'dev-keys.json'));
  });

  it('a token of the caller is used as it is', async () => {
    expect(await resolveToken({ value: 'mine', from: '--token' }, {}, '/nonexistent')).toEqual({ token: 'mine', origin: 'the token from --token' });
  });

  it('refuses to mint for a hub that trusts an identity provider', async () => {
    await expect(resolveToken(undefined, { JWT_JWKS_URL: 'https://idp.example/jwks', SHEQU_UPSTREAM_SECRET: 'x'.repeat(32) }, data)).rejects.toThrow(
      'JWT_JWKS_URL (https://idp.example/jwks)',
    );
  });
});
