// A subgraph asking the rest of the hub for facts it does not own (is this resident in a
// vulnerable group? which communities is this staff member assigned to?) or delivering an
// outbox event: through the gateway, as itself (role SERVICE, sub "service:<name>").
import type { JwtVerification } from '../auth/secrets.js';
import { serviceSubject } from '../auth/service-identity.js';
import { issueToken } from '../auth/tokens.js';

export class ServiceCallError extends Error {
  override name = 'ServiceCallError';
  constructor(message: string, readonly codes: string[] = []) {
    super(message);
  }
}

export interface ServiceClient {
  /** Runs an operation through the gateway; throws ServiceCallError on transport or GraphQL errors. */
  request<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Whether the gateway is known, so that a request can be tried at all. */
  reachable(): boolean;
}

export interface ServiceClientOptions {
  service: string;
  /** Resolved per call: in tests the gateway starts after the subgraphs. */
  gatewayUrl: () => string | undefined;
  jwt: JwtVerification;
  /** With JWKS the hub cannot mint tokens; the identity provider's service token is given instead. */
  staticToken?: string;
  timeoutMs?: number;
}

export function createServiceClient(options: ServiceClientOptions): ServiceClient {
  let cached: { token: string; until: number } | undefined;
  const token = async () => {
    if (options.staticToken) return options.staticToken;
    if (options.jwt.kind !== 'secret') throw new ServiceCallError('service calls need JWT_SECRET or SHEQU_SERVICE_TOKEN');
    if (!cached || cached.until < Date.now()) {
      const minted = await issueToken({ role: 'SERVICE', sub: serviceSubject(options.service) }, options.jwt.secret, {
        issuer: options.jwt.issuer,
        audience: options.jwt.audience,
        expiresIn: '10m',
      });
      cached = { token: minted, until: Date.now() + 8 * 60_000 };
    }
    return cached.token;
  };
  return {
    reachable: () => Boolean(options.gatewayUrl()),
    async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      const url = options.gatewayUrl();
      if (!url) throw new ServiceCallError('the gateway URL is not known yet');
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${await token()}` },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
      } catch (err) {
        throw new ServiceCallError(`gateway unreachable: ${(err as Error).message}`);
      }
      const body = (await res.json().catch(() => null)) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] } | null;
      if (!body) throw new ServiceCallError(`gateway answered ${res.status} without a GraphQL body`);
      if (body.errors?.length) {
        throw new ServiceCallError(body.errors.map((e) => e.message).join('; '), body.errors.map((e) => e.extensions?.code ?? 'UNKNOWN'));
      }
      return body.data as T;
    },
  };
}
