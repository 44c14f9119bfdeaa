// Requests as the hub's gateway sends them, signed with the hub's own code (@shequ/kit), so the
// tests prove the partner's copy of the verification agrees with the hub.
import { signRequest } from '@shequ/kit/auth/upstream-signature';

export interface Body {
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  extensions: Record<string, unknown>;
}

/** A new nonce each call, as the gateway sends each request. */
export function gatewayBody(
  query: string,
  secret: string,
  options: { variables?: Record<string, unknown>; claims?: Record<string, unknown>; signedAt?: number; operationName?: string } = {},
): Body {
  const signed = {
    query,
    operationName: options.operationName,
    variables: options.variables,
    extensions: options.claims ? { jwt: { payload: options.claims } } : {},
  };
  const extensions = signRequest(signed, secret, options.signedAt);
  return {
    query,
    ...(options.operationName ? { operationName: options.operationName } : {}),
    ...(options.variables ? { variables: options.variables } : {}),
    extensions,
  };
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
