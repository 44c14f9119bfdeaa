import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { clinicsServing } from '../src/data/clinics.js';
import { startHealthCenter, type HealthCenter } from '../src/server.js';
import { gatewayBody, post, silentLog } from './helpers.js';

// Watch the data module, to prove a refused request never reaches a resolver.
vi.mock(import('../src/data/clinics.js'), async (importOriginal) => {
  const original = await importOriginal();
  return { ...original, clinicsServing: vi.fn(original.clinicsServing) };
});
const resolverCalls = vi.mocked(clinicsServing);

const secret = 'health-center-test-secret';
const entitiesQuery = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Community { id clinics { name address openingHours } vaccinationRate } }
}`;
const community = (id: string) => ({ representations: [{ __typename: 'Community', id }] });

let server: HealthCenter;
beforeAll(async () => {
  server = await startHealthCenter({ port: 0, host: '127.0.0.1', signingSecret: secret, log: silentLog });
});
afterAll(() => server.close());
beforeEach(() => resolverCalls.mockClear());

describe('the health centre subgraph', () => {
  it('listens on a free port and answers GET /healthz', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    const res = await fetch(new URL('/healthz', server.url));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('gives its SDL unsigned, for the hub’s CLI', async () => {
    const res = await post(server.url, { query: '{ _service { sdl } }' });
    expect(res.status).toBe(200);
    const sdl: string = res.json?.data._service.sdl;
    expect(sdl).toContain('clinics: [Clinic!]!');
    expect(sdl).toContain('vaccinationRate: Float');
    expect(sdl).toContain('healthCenterClinics(communityId: ID): [Clinic!]!');
    expect(sdl).toContain('@key(fields: "id")');
  });

  it('refuses an unsigned query without executing it', async () => {
    const res = await post(server.url, { query: '{ healthCenterClinics { name } }' });
    expect(res.status).toBe(401);
    expect(res.json?.data).toBeUndefined();
    expect(res.json?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const entities = await post(server.url, { query: entitiesQuery, variables: community('community-minzu-01') });
    expect(entities.status).toBe(401);
    expect(resolverCalls).not.toHaveBeenCalled();
  });

  it('does not let a query ride along with the SDL request', async () => {
    const res = await post(server.url, { query: '{ _service { sdl } healthCenterClinics(communityId: "community-minzu-01") { name } }' });
    expect(res.status).toBe(401);
    expect(resolverCalls).not.toHaveBeenCalled();
  });

  it.each([
    ['signed with another secret', () => gatewayBody('{ healthCenterClinics { name } }', 'not-the-secret')],
    ['expired', () => gatewayBody('{ healthCenterClinics { name } }', secret, { signedAt: Date.now() - 6 * 60_000 })],
    ['tampered', () => ({ ...gatewayBody('{ healthCenterClinics { name } }', secret), query: '{ healthCenterClinics { name address } }' })],
    ['batched', () => [gatewayBody('{ healthCenterClinics { name } }', secret)]],
  ])('refuses a request %s', async (_, body) => {
    const res = await post(server.url, body());
    expect(res.status).toBe(401);
    expect(res.json?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(resolverCalls).not.toHaveBeenCalled();
  });

  it('runs a signed request once: the same bytes sent again are refused', async () => {
    const body = gatewayBody('{ healthCenterClinics(communityId: "community-minzu-01") { name } }', secret);
    const first = await post(server.url, body);
    expect(first.status).toBe(200);
    expect(first.json?.errors).toBeUndefined();
    const again = await post(server.url, body);
    expect(again.status).toBe(401);
    expect(again.json?.errors?.[0]).toMatchObject({ message: expect.stringMatching(/replayed/i), extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('resolves a Community the gateway asks for: 1–2 clinics and a rate in range', async () => {
    const res = await post(server.url, gatewayBody(entitiesQuery, secret, { variables: community('community-minzu-01'), claims: { sub: 'resident-1' } }));
    expect(res.status).toBe(200);
    expect(res.json?.errors).toBeUndefined();
    const [entity] = res.json!.data._entities;
    expect(entity.id).toBe('community-minzu-01');
    expect(entity.clinics.length).toBeGreaterThanOrEqual(1);
    expect(entity.clinics.length).toBeLessThanOrEqual(2);
    expect(entity.clinics[0]).toEqual({
      name: '民族街社区卫生服务中心',
      address: expect.stringMatching(/^武汉市江汉区/),
      openingHours: expect.stringMatching(/^周/),
    });
    expect(entity.vaccinationRate).toBeGreaterThanOrEqual(0.86);
    expect(entity.vaccinationRate).toBeLessThanOrEqual(0.99);
    expect(resolverCalls).toHaveBeenCalledWith('community-minzu-01');
  });

  it('resolves an unknown community to no clinics and no rate', async () => {
    const res = await post(server.url, gatewayBody(entitiesQuery, secret, { variables: community('community-nowhere-99') }));
    expect(res.json?.data._entities).toEqual([{ id: 'community-nowhere-99', clinics: [], vaccinationRate: null }]);
  });

  it('answers its root field, for one community or all', async () => {
    const one = await post(server.url, gatewayBody('{ healthCenterClinics(communityId: "community-xinhua-10") { id name } }', secret));
    expect(one.json?.data.healthCenterClinics.length).toBeGreaterThanOrEqual(1);
    const all = await post(server.url, gatewayBody('{ healthCenterClinics { id } }', secret));
    expect(all.json?.data.healthCenterClinics).toHaveLength(48);
  });

  it('masks internal errors', async () => {
    resolverCalls.mockImplementationOnce(() => {
      throw new Error('connection to 10.0.0.7 refused, password=hunter2');
    });
    const res = await post(server.url, gatewayBody(entitiesQuery, secret, { variables: community('community-minzu-02') }));
    expect(res.text).not.toContain('hunter2');
    expect(res.text).not.toContain('10.0.0.7');
    expect(res.json?.errors?.[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(res.json?.errors?.[0]?.extensions).not.toHaveProperty('stacktrace');
  });

  it('keeps the caller’s own mistakes readable', async () => {
    const res = await post(server.url, gatewayBody('{ healthCenterClinics { nosuchfield } }', secret));
    expect(res.status).toBe(400);
    expect(res.json?.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses what is not a JSON POST', async () => {
    expect((await fetch(`${server.url}?query=${encodeURIComponent('{ _service { sdl } }')}`)).status).toBe(405);
    const plain = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(plain.status).toBe(415);
    const broken = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":' });
    expect(broken.status).toBe(400);
    expect((await fetch(new URL('/elsewhere', server.url))).status).toBe(404);
  });
});

describe('startHealthCenter', () => {
  it('will not start with an empty secret', async () => {
    await expect(startHealthCenter({ port: 0, signingSecret: '', log: silentLog })).rejects.toThrow(/signingSecret is required/);
  });

  it('skips verification only when told to (signingSecret: null)', async () => {
    const insecure = await startHealthCenter({ port: 0, signingSecret: null, log: silentLog });
    try {
      const res = await post(insecure.url, { query: '{ healthCenterClinics(communityId: "community-minzu-01") { name } }' });
      expect(res.json?.data.healthCenterClinics).toEqual([{ name: '民族街社区卫生服务中心' }]);
    } finally {
      await insecure.close();
    }
  });

  it('closes once, however often asked, and stops listening', async () => {
    const other = await startHealthCenter({ port: 0, signingSecret: secret, log: silentLog });
    await Promise.all([other.close(), other.close()]);
    await other.close();
    await expect(fetch(new URL('/healthz', other.url))).rejects.toThrow();
  });
});
