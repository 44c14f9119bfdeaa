// `npm run token`: a token the running hub accepts, signed with the key the hub resolves itself;
// what the gateway answers to an Authorization header it cannot accept; who `viewer` says you are.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '@shequ/kit';
import { startTestFederation, type TestFederation } from '@shequ/testing';
import { decodeJwt, jwtVerify, SignJWT } from 'jose';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';

const run = promisify(execFile);

async function token(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(JWT_|SHEQU_UPSTREAM_SECRET|NODE_ENV)/.test(k)));
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/token.ts', ...args], { cwd: repoRoot, env: { ...clean, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let hub: TestFederation;
let dataDir: string;
beforeAll(async () => {
  hub = await startTestFederation({ subgraphs: [committees, departments] });
  dataDir = await mkdtemp(path.join(tmpdir(), 'shequ-token-'));
});
afterAll(async () => {
  await hub?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('npm run token', () => {
  it('prints a token the hub accepts when JWT_SECRET is set, with the claims asked for', async () => {
    const jwt = hub.secrets.jwt as { secret: string };
    const env = { JWT_SECRET: jwt.secret, SHEQU_UPSTREAM_SECRET: hub.secrets.upstreamSecret, SHEQU_DATA_DIR: dataDir };
    const res = await token(['--role', 'REPRESENTATIVE', '--community', 'community-minzu-01', '--person', 'rep-minzu-01-03'], env);
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(/REPRESENTATIVE \(communityId=community-minzu-01, personId=rep-minzu-01-03\), valid 8h, signed with JWT_SECRET/);
    const printed = res.stdout.trim();
    const claims = decodeJwt(printed);
    expect(claims).toMatchObject({
      role: 'REPRESENTATIVE',
      communityId: 'community-minzu-01',
      personId: 'rep-minzu-01-03',
      sub: 'rep-minzu-01-03',
      iss: 'shequ',
      aud: 'shequ',
    });
    expect(claims.exp! - claims.iat!).toBe(8 * 3600);

    const accepted = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${printed}` },
      body: JSON.stringify({ query: '{ departments { id } }' }),
    });
    expect(accepted.status).toBe(200);
    expect(((await accepted.json()) as { data: { departments: unknown[] } }).data.departments.length).toBeGreaterThan(0);

    const other = await token(['--role', 'OBSERVER'], {
      JWT_SECRET: 'another-secret-that-is-32-chars-long!',
      SHEQU_UPSTREAM_SECRET: hub.secrets.upstreamSecret,
      SHEQU_DATA_DIR: dataDir,
    });
    const refused = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${other.stdout.trim()}` },
      body: JSON.stringify({ query: '{ departments { id } }' }),
    });
    expect(refused.status).toBe(401);
  });

  it('uses the development key from .data/ when nothing is configured, the one the hub creates and reads', async () => {
    const res = await token(['--role', 'department_staff', '--department', 'dept-health', '--expires', '30m'], { SHEQU_DATA_DIR: dataDir });
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(/signed with the development key in .*dev-keys\.json/);
    const keys = JSON.parse(await readFile(path.join(dataDir, 'dev-keys.json'), 'utf8')) as { jwtSecret: string };
    const { payload } = await jwtVerify(res.stdout.trim(), new TextEncoder().encode(keys.jwtSecret), {
      issuer: 'shequ',
      audience: 'shequ',
      algorithms: ['HS256'],
    });
    expect(payload).toMatchObject({ role: 'DEPARTMENT_STAFF', departmentId: 'dept-health' });
    expect(payload.exp! - payload.iat!).toBe(30 * 60);
  });

  it('says it cannot mint tokens when the hub trusts an identity provider (JWKS)', async () => {
    const res = await token(['--role', 'OBSERVER'], {
      JWT_JWKS_URL: 'https://idp.example/.well-known/jwks.json',
      SHEQU_UPSTREAM_SECRET: 'u'.repeat(32),
      SHEQU_DATA_DIR: dataDir,
    });
    expect(res.code).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/JWT_JWKS_URL .* this script cannot mint one/);
  });

  it('explains what is missing or wrong, printing no token', async () => {
    const cases: [string[], RegExp][] = [
      [[], /--role is required/],
      [['--role', 'MAYOR'], /unknown role "MAYOR"; roles are RESIDENT, REPRESENTATIVE/],
      [['--role', 'COMMITTEE_STAFF'], /role COMMITTEE_STAFF needs --community/],
      [['--role', 'STREET_STAFF'], /needs --street/],
      [['--role', 'PARTNER'], /needs --partner/],
      [['--role', 'OBSERVER', '--expires', 'forever'], /--expires must look like 30m, 8h or 7d/],
      [['--role', 'OBSERVER', '--communty', 'x'], /Unknown option '--communty'/],
    ];
    const answers = await Promise.all(cases.map(([args]) => token(args, { SHEQU_DATA_DIR: dataDir })));
    for (const [i, [args, message]] of cases.entries()) {
      const res = answers[i]!;
      expect(`${args.join(' ')} → ${res.code}`).toBe(`${args.join(' ')} → 2`);
      expect(res.stderr).toMatch(message);
      expect(res.stdout).toBe('');
    }
  });
});

describe('the Authorization header', () => {
  const ask = (authorization: string) =>
    fetch(hub.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query: '{ streets { id } }' }) });

  it('refuses what is not "Bearer <jwt that expires>" with 401 UNAUTHENTICATED and a Bearer challenge, before anything runs', async () => {
    const secret = new TextEncoder().encode((hub.secrets.jwt as { secret: string }).secret);
    const forever = await new SignJWT({ role: 'DISTRICT_ADMIN' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('shequ')
      .setAudience('shequ')
      .setSubject('admin-forever')
      .setIssuedAt()
      .sign(secret);
    const valid = await hub.token({ role: 'OBSERVER' });
    const cases: [string, RegExp][] = [
      ['Bearer x', /not a JSON Web Token/],
      ['bearer a.b.c', /not a JSON Web Token/],
      ['Basic dXNlcjpwYXNz', /must be "Bearer <token>"/],
      ['garbage', /must be "Bearer <token>"/],
      ['Bearer ', /must be "Bearer <token>"/],
      [`Bearer ${valid} extra`, /must be "Bearer <token>"/],
      [`Bearer ${forever}`, /no expiry/],
    ];
    for (const [header, message] of cases) {
      const res = await ask(header);
      const body = (await res.json()) as { data?: unknown; errors: { message: string; extensions: { code: string } }[] };
      expect(`${header.slice(0, 20)} → ${res.status}`).toBe(`${header.slice(0, 20)} → 401`);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="shequ", error="invalid_token"$/);
      expect(body.data ?? null).toBeNull();
      expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
      expect(body.errors[0]!.message).toMatch(message);
    }
    // The scheme is case-insensitive (RFC 7235).
    expect((await ask(`bearer ${valid}`)).status).toBe(200);
  });

  it('refuses the same over graphql-ws, whether the token comes in connectionParams or on the upgrade request', async () => {
    const viaParams = createClient({
      url: hub.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: 'Bearer x' },
    });
    class WithHeader extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
      }
    }
    const viaHeader = createClient({ url: hub.url.replace(/^http/, 'ws'), webSocketImpl: WithHeader, retryAttempts: 0 });
    try {
      for (const client of [viaParams, viaHeader]) {
        const refusal = await client
          .iterate({ query: '{ viewer { role } }' })
          .next()
          .then(
            (r) => JSON.stringify(r.value),
            (e: unknown) => JSON.stringify(e),
          );
        expect(refusal).toMatch(/UNAUTHENTICATED/);
        expect(refusal).not.toMatch(/"role"/);
      }
    } finally {
      await Promise.all([viaParams.dispose(), viaHeader.dispose()]);
    }
  });
});

describe('viewer', () => {
  const query = '{ viewer { role communityId streetId departmentId street { name } department { name } community { name } } }';

  it('tells a caller the role and units the hub verified, over HTTP and on a graphql-ws upgrade carrying the header (a sign-in proxy)', async () => {
    expect((await hub.query(query)).data).toEqual({ viewer: null });
    const street = await hub.query(query, {}, { role: 'STREET_STAFF', streetId: 'street-minzu' });
    expect(street.data!.viewer).toMatchObject({
      role: 'STREET_STAFF',
      streetId: 'street-minzu',
      street: { name: '民族街道' },
      community: null,
      department: null,
    });
    const clerk = await hub.query(query, {}, { role: 'COMMITTEE_STAFF', communityId: 'community-minzu-01' });
    expect(clerk.data!.viewer).toMatchObject({ role: 'COMMITTEE_STAFF', community: { name: expect.any(String) } });
    // A unit the records do not hold is not vouched for.
    const ghost = await hub.query(query, {}, { role: 'DEPARTMENT_STAFF', departmentId: 'dept-nowhere' });
    expect(ghost.data!.viewer).toMatchObject({ role: 'DEPARTMENT_STAFF', departmentId: 'dept-nowhere', department: null });

    const token = await hub.token({ role: 'DISTRICT_ADMIN' });
    class ProxiedSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { authorization: `Bearer ${token}` } });
      }
    }
    const client = createClient({ url: hub.url.replace(/^http/, 'ws'), webSocketImpl: ProxiedSocket, retryAttempts: 0 });
    try {
      const first = await client.iterate({ query: '{ viewer { role } }' }).next();
      expect(first.value).toEqual({ data: { viewer: { role: 'DISTRICT_ADMIN' } } });
    } finally {
      await client.dispose();
    }
  });
});
