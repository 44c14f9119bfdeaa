// `npm run token`: a token the running hub accepts, signed with the key the hub resolves itself.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '@shequ/kit';
import { startTestFederation, type TestFederation } from '@shequ/testing';
import { decodeJwt, jwtVerify } from 'jose';
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
    expect(claims).toMatchObject({ role: 'REPRESENTATIVE', communityId: 'community-minzu-01', personId: 'rep-minzu-01-03', sub: 'rep-minzu-01-03', iss: 'shequ', aud: 'shequ' });
    expect(claims.exp! - claims.iat!).toBe(8 * 3600);

    const accepted = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${printed}` },
      body: JSON.stringify({ query: '{ departments { id } }' }),
    });
    expect(accepted.status).toBe(200);
    expect(((await accepted.json()) as { data: { departments: unknown[] } }).data.departments.length).toBeGreaterThan(0);

    const other = await token(['--role', 'OBSERVER'], { JWT_SECRET: 'another-secret-that-is-32-chars-long!', SHEQU_UPSTREAM_SECRET: hub.secrets.upstreamSecret, SHEQU_DATA_DIR: dataDir });
    const refused = await fetch(hub.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${other.stdout.trim()}` }, body: JSON.stringify({ query: '{ departments { id } }' }) });
    expect(refused.status).toBe(401);
  });

  it('uses the development key from .data/ when nothing is configured, the one the hub creates and reads', async () => {
    const res = await token(['--role', 'department_staff', '--department', 'dept-health', '--expires', '30m'], { SHEQU_DATA_DIR: dataDir });
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(/signed with the development key in .*dev-keys\.json/);
    const keys = JSON.parse(await readFile(path.join(dataDir, 'dev-keys.json'), 'utf8')) as { jwtSecret: string };
    const { payload } = await jwtVerify(res.stdout.trim(), new TextEncoder().encode(keys.jwtSecret), { issuer: 'shequ', audience: 'shequ', algorithms: ['HS256'] });
    expect(payload).toMatchObject({ role: 'DEPARTMENT_STAFF', departmentId: 'dept-health' });
    expect(payload.exp! - payload.iat!).toBe(30 * 60);
  });

  it('says it cannot mint tokens when the hub trusts an identity provider (JWKS)', async () => {
    const res = await token(['--role', 'OBSERVER'], { JWT_JWKS_URL: 'https://idp.example/.well-known/jwks.json', SHEQU_UPSTREAM_SECRET: 'u'.repeat(32), SHEQU_DATA_DIR: dataDir });
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
