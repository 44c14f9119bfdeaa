import { canonicalJson as hubCanonicalJson } from '@shequ/kit/auth/canonical-json';
import { signedContent as hubSignedContent, signContent, verifyUpstreamSignature } from '@shequ/kit/auth/upstream-signature';
import { describe, expect, it } from 'vitest';
import { canonicalJson, onceOnly, signedContent, verifyGatewaySignature } from '../src/gateway-signature.js';
import { gatewayBody } from './helpers.js';

const secret = 'partner-secret-for-tests';
const query = 'query ($id: ID!) { healthCenterClinics(communityId: $id) { name } }';
const variables = { id: 'community-minzu-01' };
const claims = { sub: 'user-1', roles: ['resident'], communityId: 'community-minzu-01' };

describe('canonical JSON and signed content match the hub byte for byte', () => {
  const values: unknown[] = [
    null,
    0,
    -1.5,
    'text',
    '引号"与\\反斜杠',
    true,
    [],
    {},
    [1, undefined, { b: 1, a: [null, undefined] }],
    { z: 1, a: { y: undefined, x: [3, 2, 1], m: { c: 'c', b: 'b' } }, é: 'accent', '10': 'ten', '9': 'nine' },
  ];
  it.each(values.map((v) => [JSON.stringify(v) ?? String(v), v]))('canonicalJson(%s)', (_, value) => {
    expect(canonicalJson(value)).toBe(hubCanonicalJson(value));
  });

  const bodies = [
    { query },
    { query, variables: {} },
    { query, variables, extensions: { signedAt: 1 } },
    { query, variables: { nested: { b: [1, { d: 1, c: 2 }], a: null } }, extensions: { signedAt: 2, jwt: { payload: claims } } },
    { query: undefined, extensions: { jwt: { payload: {} }, other: 'signed too' } },
    { query, operationName: 'Clinics', extensions: { signedAt: 3, nonce: 'n'.repeat(24), 'hmac-signature': 'not part of it' } },
    { query, operationName: '', extensions: {} },
  ];
  it.each(bodies.map((b, i) => [i, b]))('signedContent of body %i', (_, body) => {
    expect(signedContent(body)).toBe(hubSignedContent(body));
  });
});

describe('verifyGatewaySignature', () => {
  it('accepts a request the hub signed, with the claims it carries', () => {
    const body = gatewayBody(query, secret, { variables, claims });
    expect(verifyGatewaySignature(body, secret)).toMatchObject({ ok: true, claims, nonce: body.extensions.nonce });
    expect(verifyUpstreamSignature(body, secret)).toMatchObject({ ok: true, claims, nonce: body.extensions.nonce });
  });

  it('accepts an anonymous caller, with null claims', () => {
    expect(verifyGatewaySignature(gatewayBody(query, secret), secret)).toMatchObject({ ok: true, claims: null });
  });

  it('treats empty variables like none, as the hub does', () => {
    const body = gatewayBody(query, secret);
    expect(verifyGatewaySignature({ ...body, variables: {} }, secret).ok).toBe(true);
  });

  it('accepts a signature up to 5 minutes old or ahead (clock skew)', () => {
    const now = Date.now();
    expect(verifyGatewaySignature(gatewayBody(query, secret, { signedAt: now - 4 * 60_000 }), secret, now).ok).toBe(true);
    expect(verifyGatewaySignature(gatewayBody(query, secret, { signedAt: now + 4 * 60_000 }), secret, now).ok).toBe(true);
  });

  const refused: [string, () => unknown, RegExp][] = [
    ['a wrong secret', () => gatewayBody(query, 'another-partners-secret'), /does not match/],
    ['a tampered query', () => ({ ...gatewayBody(query, secret), query: '{ healthCenterClinics { name address } }' }), /does not match/],
    ['tampered variables', () => ({ ...gatewayBody(query, secret, { variables }), variables: { id: 'community-hualou-01' } }), /does not match/],
    ['variables added', () => ({ ...gatewayBody(query, secret), variables }), /does not match/],
    [
      'tampered claims',
      () => {
        const body = gatewayBody(query, secret, { claims });
        return { ...body, extensions: { ...body.extensions, jwt: { payload: { ...claims, roles: ['district-admin'] } } } };
      },
      /does not match/,
    ],
    [
      'claims added to an anonymous request',
      () => {
        const body = gatewayBody(query, secret);
        return { ...body, extensions: { ...body.extensions, jwt: { payload: claims } } };
      },
      /does not match/,
    ],
    [
      'a re-stamped signedAt',
      () => {
        const body = gatewayBody(query, secret, { signedAt: Date.now() - 10 * 60_000 });
        return { ...body, extensions: { ...body.extensions, signedAt: Date.now() } };
      },
      /does not match/,
    ],
    ['a tampered operation name', () => ({ ...gatewayBody(query, secret, { operationName: 'Clinics' }), operationName: 'Other' }), /does not match/],
    ['an operation name added', () => ({ ...gatewayBody(query, secret), operationName: 'Clinics' }), /does not match/],
    [
      'an extension added',
      () => {
        const body = gatewayBody(query, secret);
        return { ...body, extensions: { ...body.extensions, persistedQuery: { version: 1, sha256Hash: 'x' } } };
      },
      /does not match/,
    ],
    [
      'a swapped nonce',
      () => {
        const body = gatewayBody(query, secret);
        return { ...body, extensions: { ...body.extensions, nonce: 'another-nonce-of-24-chars' } };
      },
      /does not match/,
    ],
    [
      'no nonce (signed the way the hub signed before nonces)',
      () => {
        const extensions: Record<string, unknown> = { signedAt: Date.now() };
        extensions['hmac-signature'] = signContent(hubSignedContent({ query, extensions }), secret);
        return { query, extensions };
      },
      /no nonce/,
    ],
    ['no signature', () => ({ query, extensions: { signedAt: Date.now() } }), /not signed/],
    ['no extensions', () => ({ query }), /not signed/],
    ['a signature that is not a string', () => ({ query, extensions: { signedAt: Date.now(), 'hmac-signature': 42 } }), /not signed/],
    ['an expired signature', () => gatewayBody(query, secret, { signedAt: Date.now() - 5 * 60_000 - 1000 }), /expired/],
    ['a signature from the far future', () => gatewayBody(query, secret, { signedAt: Date.now() + 6 * 60_000 }), /expired/],
    [
      'a signedAt that is not a number',
      () => {
        const extensions: Record<string, unknown> = { signedAt: String(Date.now()) };
        extensions['hmac-signature'] = signContent(hubSignedContent({ query, extensions }), secret);
        return { query, extensions };
      },
      /expired/,
    ],
    ['no body', () => null, /not signed/],
  ];
  it.each(refused)('refuses %s', (_, body, reason) => {
    const check = verifyGatewaySignature(body() as Parameters<typeof verifyGatewaySignature>[0], secret);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(reason);
    // The hub's own verifier agrees.
    expect(verifyUpstreamSignature(body() as Parameters<typeof verifyUpstreamSignature>[0], secret).ok).toBe(false);
  });
});

describe('onceOnly', () => {
  it('runs a nonce once within its window, and forgets it after', () => {
    let now = 1_000_000;
    const firstTime = onceOnly(() => now);
    const request = { nonce: 'nonce-of-at-least-16', expiresAt: now + 5 * 60_000 };
    expect(firstTime(request)).toBe(true);
    expect(firstTime(request)).toBe(false);
    expect(firstTime({ ...request, nonce: 'another-nonce-16+chars' })).toBe(true);
    now += 5 * 60_000 + 1;
    // By now the signature has expired and verifyGatewaySignature refuses it anyway.
    expect(firstTime({ ...request, expiresAt: now + 1 })).toBe(true);
  });
});
