// A subgraph asking the rest of the hub for facts it does not own (is this resident in a
// vulnerable group? which communities is this staff member assigned to?) or delivering an
// outbox event: through the gateway, as itself (role SERVICE, sub "service:<name>").
//
// `ask` is how every subgraph checks a fact before it writes, with one failure rule (see
// service-call-error.ts): when the owner cannot answer now, the user gets a retryable
// SUBGRAPH_UNAVAILABLE naming it and nothing is changed; a definite refusal of the question is
// rethrown. `request` is the bare call, for outbox deliveries, whose dispatcher retries on any
// failure anyway.
import type { JwtVerification } from '../auth/secrets.js';
import { serviceSubject } from '../auth/service-identity.js';
import { issueToken } from '../auth/tokens.js';
import type { Logger } from '../logger.js';
import { createFactCache, type FactCache } from './fact-cache.js';
import { answeredErrors, ServiceCallError, subgraphUnavailable, unansweredBy } from './service-call-error.js';

/** A question for the subgraph that owns a fact. */
export interface Question {
  /** The subgraph that owns the fact: the one named when the gateway names none. */
  owner: string;
  /** What the answer is for, completing "Cannot … now" for the user, e.g. "check the delegated task". */
  purpose: string;
  query: string;
  variables?: Record<string, unknown>;
}

export interface ServiceClient extends FactCache {
  /**
   * Asks the owner through the gateway. Rejects with a client error SUBGRAPH_UNAVAILABLE
   * (`{ subgraph, retryable: true }`) when there is no answer now (transport failure, the gateway
   * down, a subgraph it could not reach, an internal error on the way). Any other error of the
   * answer (FORBIDDEN, BAD_USER_INPUT, …) is a definite refusal of this subgraph's own question,
   * so a bug of ours rather than the user's: the ServiceCallError is rethrown as it is, with the
   * answer's errors, and if the caller does not handle it the subgraph masks it as an internal
   * error (logged) instead of passing on a refusal the user never asked for.
   */
  ask<T = Record<string, any>>(question: Question): Promise<T>;
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
  /** Where a question left unanswered is reported (a warning with codes only). */
  log?: Logger;
  /** The facts cache's clock (tests). */
  now?: () => number;
}

export function createServiceClient(options: ServiceClientOptions): ServiceClient {
  let cached: { token: string; until: number } | undefined;
  const token = async () => {
    if (options.staticToken) return options.staticToken;
    // Not a ServiceCallError: a subgraph that cannot prove who it is is misconfigured, not facing an outage.
    if (options.jwt.kind !== 'secret') throw new Error('service calls need JWT_SECRET or SHEQU_SERVICE_TOKEN');
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

  async function request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const url = options.gatewayUrl();
    if (!url) throw new ServiceCallError('the gateway URL is not known yet');
    const authorization = `Bearer ${await token()}`;
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
    } catch (err) {
      throw new ServiceCallError(`gateway unreachable: ${(err as Error).message}`);
    }
    const body = (await res.json().catch(() => null)) as { data?: T; errors?: unknown } | null;
    if (!body || typeof body !== 'object') throw new ServiceCallError(`gateway answered ${res.status} without a GraphQL body`);
    if (Array.isArray(body.errors) && body.errors.length > 0) {
      const errors = answeredErrors(body.errors);
      throw new ServiceCallError(errors.map((e) => e.message).join('; '), errors);
    }
    if (body.data == null) throw new ServiceCallError(`gateway answered ${res.status} without data or errors`);
    return body.data;
  }

  return {
    ...createFactCache(options.now),
    reachable: () => Boolean(options.gatewayUrl()),
    request,
    async ask<T>({ owner, purpose, query, variables }: Question): Promise<T> {
      try {
        return await request<T>(query, variables);
      } catch (err) {
        const subgraph = err instanceof ServiceCallError ? unansweredBy(err, owner) : undefined;
        if (!subgraph) throw err;
        // Codes only: messages may quote the variables, which may hold personal data.
        options.log?.warn({ owner, subgraph, codes: (err as ServiceCallError).codes, purpose }, 'a question through the gateway went unanswered');
        throw subgraphUnavailable(subgraph, purpose);
      }
    },
  };
}
