// Requests as the hub's gateway sends them, signed with the hub's own code (@shequ/kit), so the
// tests prove the partner's copy of the verification agrees with the hub.
import { signContent, signedContent } from '@shequ/kit/auth/upstream-signature';

export interface Body {
  query: string;
  variables?: Record<string, unknown>;
  extensions: Record<string, unknown>;
}

export function gatewayBody(query: string, secret: string, options: { variables?: Record<string, unknown>; claims?: Record<string, unknown>; signedAt?: number } = {}): Body {
  const extensions: Record<string, unknown> = { signedAt: options.signedAt ?? Date.now(), ...(options.claims ? { jwt: { payload: options.claims } } : {}) };
  extensions['hmac-signature'] = signContent(signedContent({ query, variables: options.variables, extensions }), secret);
  return { query, ...(options.variables ? { variables: options.variables } : {}), extensions };
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  let json: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] } | undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json };
}

export const silentLog = { info: () => {}, warn: () => {}, error: () => {} };
