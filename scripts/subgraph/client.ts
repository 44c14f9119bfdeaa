// The two kinds of request the CLI makes: a recorded operation to the gateway, with the caller's
// bearer token, and `_service { sdl }` to a partner's own subgraph, unsigned (it is the partner's
// server, not the federation's). Failures become CliError with one line saying what and where:
// no stack trace for a gateway that is down, and never the token.
import { operations, partnerIntrospection, type OperationKey, type Results } from './operations.ts';

/** A failure to report in one line and exit 1 with. */
export class CliError extends Error {
  override name = 'CliError';
}

export interface GraphQLErrorPayload {
  message: string;
  extensions?: { code?: unknown };
}

/** The gateway answered with GraphQL errors: each is printed as `<CODE>: <message>`. */
export class GraphQLErrors extends CliError {
  override name = 'GraphQLErrors';
  readonly codes: string[];
  constructor(errors: GraphQLErrorPayload[], status: number) {
    const codes = errors.map((e) => codeOf(e, status));
    super(errors.map((e, i) => `${codes[i]}: ${e.message}`).join('\n'));
    this.codes = codes;
  }
}

// The gateway's own refusals (a token that does not verify) come without a code: the HTTP status
// is the next best thing a script can match on.
const codeOf = (e: GraphQLErrorPayload, status: number) =>
  typeof e.extensions?.code === 'string' ? e.extensions.code : status >= 400 ? `HTTP_${status}` : 'ERROR';

const describeError = (e: GraphQLErrorPayload) => `${typeof e.extensions?.code === 'string' ? `${e.extensions.code}: ` : ''}${e.message}`;

export interface GatewayClient {
  request<K extends OperationKey>(key: K, variables?: Record<string, unknown>): Promise<Results[K]>;
}

// Publishing composes the whole federation and checks every recorded operation: seconds, not
// minutes. Past this, something hangs, and the user should hear so.
const requestTimeoutMs = 120_000;

export function gatewayClient(gateway: string, token: () => Promise<string>): GatewayClient {
  return {
    async request(key, variables = {}) {
      const { name, document } = operations[key];
      // The document text, exactly as recorded: a gateway with TRUSTED_DOCUMENTS=true finds it by
      // its sha256, and one without runs it as any query. A hash alone (persistedQuery) would fail
      // with PERSISTED_QUERY_NOT_FOUND on a gateway whose manifest predates this file.
      const body = JSON.stringify({ query: document, operationName: name, variables });
      const result = await postGraphQL(gateway, 'the gateway', body, { authorization: `Bearer ${await token()}` });
      if (result.errors?.length) throw new GraphQLErrors(result.errors, result.status);
      if (!result.data) throw new CliError(`the gateway at ${gateway} answered ${name} without data or errors`);
      return result.data as Results[typeof key];
    },
  };
}

/** The SDL a running partner subgraph serves (federation's `_service { sdl }`). */
export async function introspectPartner(url: string): Promise<string> {
  const { name, document } = partnerIntrospection;
  const result = await postGraphQL(url, 'the partner subgraph', JSON.stringify({ query: document, operationName: name }), {});
  if (result.errors?.length) throw new CliError(`the partner subgraph at ${url} refused _service { sdl }: ${result.errors.map(describeError).join('; ')}`);
  const sdl = (result.data as { _service?: { sdl?: unknown } } | null | undefined)?._service?.sdl;
  if (typeof sdl !== 'string' || sdl.trim() === '')
    throw new CliError(`the partner subgraph at ${url} serves no SDL at _service { sdl }: is it a federation subgraph?`);
  return sdl;
}

interface GraphQLResponse {
  data?: unknown;
  errors?: GraphQLErrorPayload[];
}

type Answer = GraphQLResponse & { status: number };

async function postGraphQL(url: string, what: string, body: string, headers: Record<string, string>): Promise<Answer> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
      body,
      signal: AbortSignal.timeout(requestTimeoutMs),
    });
  } catch (error) {
    throw new CliError(`cannot reach ${what} at ${url}: ${networkReason(error)}`);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new CliError(`${what} at ${url} broke off its answer: ${networkReason(error)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  // GraphQL over HTTP answers errors with 4xx and a GraphQL body: the body says more than the status.
  if (isGraphQLResponse(parsed)) return { ...parsed, status: response.status };
  const excerpt = text.trim().replace(/\s+/g, ' ').slice(0, 160);
  throw new CliError(`${what} at ${url} answered HTTP ${response.status}${excerpt ? ` (${excerpt})` : ''}, not a GraphQL response: is that the right URL?`);
}

function isGraphQLResponse(value: unknown): value is GraphQLResponse {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as GraphQLResponse;
  if (v.errors !== undefined && !(Array.isArray(v.errors) && v.errors.every((e) => typeof e?.message === 'string'))) return false;
  return 'data' in v || Array.isArray(v.errors);
}

function networkReason(error: unknown): string {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError') return `no answer within ${requestTimeoutMs / 1000} s`;
  // undici says "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND, …) is in its cause.
  return e.cause?.message || e.cause?.code || e.message;
}
