// @authenticated and @requiresScopes from the supergraph, enforced by the gateway with the caller's
// role as its scope; and the token checks in front of them.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import { createBuilder, issueToken } from '@shequ/kit';
import { createClient } from 'graphql-ws';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { composeSupergraph } from '@shequ/kit/federation/supergraph';
import { startGatewayServer } from '../src/server.ts';
import { startRecords, startSecureGateway, type Records, type SecureGateway } from './helpers/secure-hub.ts';
import { startSubgraph } from './helpers/subgraph.ts';

let records: Records;
let hub: SecureGateway;

beforeAll(async () => {
  records = await startRecords();
  hub = await startSecureGateway(records);
});
afterAll(async () => {
  await hub?.close();
  await records?.close();
});

describe('schema-level authorization', () => {
  it('gives anonymous callers the public fields, and null plus UNAUTHENTICATED for @authenticated ones, without asking the subgraph', async () => {
    records.resolved.length = 0;
    const res = await hub.query('{ notices { id title } ballots { id score } }');
    expect(res.status).toBe(200);
    expect(res.data).toEqual({
      notices: [
        { id: 'n1', title: 'Water outage on Minzu Road' },
        { id: 'n2', title: 'Volunteer day' },
        { id: 'n3', title: 'Budget hearing' },
      ],
      ballots: null,
    });
    expect(res.errors).toEqual([
      expect.objectContaining({ message: 'Sign in to see Query.ballots', path: ['ballots'], extensions: { code: 'UNAUTHENTICATED' } }),
    ]);
    expect(records.resolved).toEqual([]);
  });

  it('lets any verified role through @authenticated', async () => {
    for (const role of ['RESIDENT', 'OBSERVER'] as const) {
      const res = await hub.query('{ ballots { id score } }', {}, { role });
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ ballots: [{ id: 'b1', score: 4 }] });
    }
  });

  it('checks @requiresScopes on a field against the role claim, item by item in lists', async () => {
    records.resolved.length = 0;
    const q = '{ notices(first: 2) { id budgetFen } }';
    const admin = await hub.query(q, {}, { role: 'DISTRICT_ADMIN' });
    expect(admin.errors).toBeUndefined();
    expect(admin.data).toEqual({
      notices: [
        { id: 'n1', budgetFen: 100_000 },
        { id: 'n2', budgetFen: 200_000 },
      ],
    });
    expect(records.resolved).toEqual(['Notice.budgetFen', 'Notice.budgetFen']);

    records.resolved.length = 0;
    const staff = await hub.query(q, {}, { role: 'COMMITTEE_STAFF', communityId: 'community-minzu-01' });
    expect(staff.data).toEqual({
      notices: [
        { id: 'n1', budgetFen: null },
        { id: 'n2', budgetFen: null },
      ],
    });
    expect(staff.errors?.map((e) => e.extensions)).toEqual([{ code: 'FORBIDDEN' }]);
    expect(staff.errors?.[0]?.message).toBe('Role COMMITTEE_STAFF may not see Notice.budgetFen (needs DISTRICT_ADMIN)');
    expect(records.resolved).toEqual([]);
  });

  it('checks @requiresScopes on a type: any of the listed roles', async () => {
    for (const role of ['DISTRICT_ADMIN', 'OBSERVER'] as const) {
      expect((await hub.query('{ auditLog { entries } }', {}, { role })).data).toEqual({ auditLog: { entries: 7 } });
    }
    records.resolved.length = 0;
    const anonymous = await hub.query('{ auditLog { entries } notices(first: 1) { id } }');
    expect(anonymous.data).toEqual({ auditLog: null, notices: [{ id: 'n1' }] });
    expect(anonymous.errors).toEqual([expect.objectContaining({ path: ['auditLog', 'entries'], extensions: { code: 'UNAUTHENTICATED' } })]);
    expect(records.resolved).toEqual([]);
    const resident = await hub.query('{ auditLog { entries } }', {}, { role: 'RESIDENT' });
    expect(resident.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(resident.errors?.[0]?.message).toMatch(/needs DISTRICT_ADMIN or OBSERVER/);
    expect(JSON.stringify(resident.data ?? null)).not.toMatch(/7/);
  });

  it('treats an unknown role claim as anonymous', async () => {
    const res = await hub.query('{ ballots { id } }', {}, { role: 'SUPERUSER' as never });
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('enforces @authenticated on subscriptions over graphql-ws, with the token in connectionParams', async () => {
    const run = async (authorization?: string) => {
      const client = createClient({
        url: hub.url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: authorization ? { authorization } : {},
      });
      const events: unknown[] = [];
      try {
        for await (const event of client.iterate({ query: 'subscription { ticks(count: 3) }' })) events.push(event);
      } finally {
        await client.dispose();
      }
      return events;
    };
    expect(await run(await hub.token({ role: 'RESIDENT' }))).toEqual([0, 1, 2].map((i) => ({ data: { ticks: i } })));
    const anonymous = (await run()) as { errors?: { extensions?: { code?: string } }[] }[];
    expect(anonymous.flatMap((e) => e.errors ?? []).map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('tokens', () => {
  it('refuses a token that is forged, expired or altered with 401 UNAUTHENTICATED, and a malformed header too', async () => {
    const forged = await hub.token({ role: 'DISTRICT_ADMIN' }, { secret: 'x'.repeat(32) });
    const expired = await hub.token({ role: 'DISTRICT_ADMIN' }, { expiresIn: '-1m' });
    for (const token of [forged, expired, `${(await hub.token({ role: 'RESIDENT' })).slice(0, -2)}xx`]) {
      const res = await hub.post({ query: '{ notices { id } }' }, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(401);
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    }
    const malformed = await hub.post({ query: '{ notices { id } }' }, { headers: { authorization: 'Basic abc' } });
    expect(malformed.status).toBe(401);
    expect(malformed.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('tokens from an identity provider', () => {
  it('accepts ES256 tokens verified with the keys at JWT_JWKS_URL, and nothing signed otherwise', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'idp-1', alg: 'ES256', use: 'sig' }] };
    const idp = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(jwks));
    });
    await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(idp.address() as AddressInfo).port}/.well-known/jwks.json`;
    const federated = await startSecureGateway(
      records,
      {},
      { identity: { jwt: { kind: 'jwks', url, issuer: 'shequ', audience: 'shequ' }, upstreamSecret: 'u'.repeat(32) } },
    );
    const sign = async (key: CryptoKey | Uint8Array, alg: string, kid?: string) =>
      new SignJWT({ role: 'RESIDENT' })
        .setProtectedHeader({ alg, ...(kid ? { kid } : {}) })
        .setIssuer('shequ')
        .setAudience('shequ')
        .setSubject('resident-1')
        .setExpirationTime('5m')
        .sign(key);
    const ask = (token: string) => federated.post({ query: '{ ballots { id } }' }, { headers: { authorization: `Bearer ${token}` } });
    try {
      const accepted = await ask(await sign(privateKey, 'ES256', 'idp-1'));
      expect(accepted.errors).toBeUndefined();
      expect(accepted.data).toEqual({ ballots: [{ id: 'b1' }] });
      const impostor = (await generateKeyPair('ES256')).privateKey;
      for (const token of [
        await sign(impostor, 'ES256', 'idp-1'),
        await sign(new TextEncoder().encode('s'.repeat(32)), 'HS256', 'idp-1'),
        await sign(impostor, 'ES256', 'unknown-key'),
        await sign(impostor, 'ES256'),
      ]) {
        const refused = await ask(token);
        expect({ status: refused.status, errors: refused.errors }).toEqual({
          status: 401,
          errors: [expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })],
        });
      }
    } finally {
      await federated.close();
      await new Promise((resolve) => idp.close(resolve));
    }
  });
});

describe('directives written with the kit builder', () => {
  it('come out of Pothos field options, compose, and are enforced', async () => {
    const builder = createBuilder<object, unknown>({ datamodel: { models: {} } } as never);
    builder.queryFields((t) => ({
      budget: t.int({ nullable: true, requiresScopes: [['DISTRICT_ADMIN'], ['DEPARTMENT_STAFF']], resolve: () => 42 }),
      mine: t.string({ nullable: true, authenticated: true, resolve: () => 'mine' }),
      open: t.string({ resolve: () => 'open' }),
      // @ts-expect-error scopes are roles: a typo does not compile
      typo: t.string({ nullable: true, requiresScopes: [['DISTRICT_ADMN']], resolve: () => null }),
    }));
    const sdl = printSubgraphSchema(builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' }));
    expect(sdl).toMatch(/budget: Int @requiresScopes\(scopes: \[\["DISTRICT_ADMIN"\], \["DEPARTMENT_STAFF"\]\]\)/);
    expect(sdl).toMatch(/mine: String @authenticated/);

    const subgraph = await startSubgraph({
      name: 'kit',
      typeDefs: sdl,
      resolvers: { Query: { budget: () => 42, mine: () => 'mine', open: () => 'open', typo: () => null } },
    });
    const dir = await mkdtemp(path.join(tmpdir(), 'shequ-kit-auth-'));
    const secret = 'k'.repeat(32);
    const file = path.join(dir, 'supergraph.graphql');
    await writeFile(file, composeSupergraph([{ name: 'kit', url: subgraph.url, sdl }]));
    const gateway = await startGatewayServer({
      port: 0,
      host: '127.0.0.1',
      supergraph: file,
      identity: { jwt: { kind: 'secret', secret, issuer: 'shequ', audience: 'shequ' }, upstreamSecret: secret },
    });
    try {
      const ask = async (role?: 'DEPARTMENT_STAFF' | 'OBSERVER') => {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (role) headers.authorization = `Bearer ${await issueToken({ role, departmentId: 'dept-health' }, secret)}`;
        const res = await fetch(gateway.url, { method: 'POST', headers, body: JSON.stringify({ query: '{ budget mine open }' }) });
        return (await res.json()) as { data: Record<string, unknown>; errors?: { extensions: { code: string } }[] };
      };
      expect(await ask('DEPARTMENT_STAFF')).toEqual({ data: { budget: 42, mine: 'mine', open: 'open' } });
      const observer = await ask('OBSERVER');
      expect(observer.data).toEqual({ budget: null, mine: 'mine', open: 'open' });
      expect(observer.errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
      const anonymous = await ask();
      expect(anonymous.data).toEqual({ budget: null, mine: null, open: 'open' });
      expect(anonymous.errors?.map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
    } finally {
      await gateway.close();
      await subgraph.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
