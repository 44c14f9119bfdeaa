// What can go wrong when a subgraph asks the hub, and the one rule that turns it into what the
// end user sees. The gateway's answer is kept as it came (codes, the subgraph it names): the rule
// reads those, never the wording of a message, which is free to change.
import type { GraphQLError } from 'graphql';
import { clientError } from '../errors.js';

/** One error of the gateway's answer, as structured as the gateway sent it. */
export interface AnsweredError {
  message: string;
  /** `extensions.code`; undefined when the gateway gave none. */
  code: string | undefined;
  /** `extensions.subgraph`: the gateway names the subgraph it could not reach. */
  subgraph: string | undefined;
  path: readonly (string | number)[] | undefined;
}

export class ServiceCallError extends Error {
  override name = 'ServiceCallError';
  /**
   * @param errors the gateway's GraphQL errors; empty when no GraphQL answer came at all (the
   *   request did not reach the gateway, or something other than the gateway answered).
   */
  constructor(
    message: string,
    readonly errors: readonly AnsweredError[] = [],
  ) {
    super(message);
  }

  get codes(): string[] {
    return this.errors.map((e) => e.code ?? 'UNKNOWN');
  }
}

/** The gateway's `errors` array, kept structured; anything malformed becomes an error without a code. */
export function answeredErrors(errors: readonly unknown[]): AnsweredError[] {
  return errors.map((raw) => {
    const e = (typeof raw === 'object' && raw !== null ? raw : {}) as {
      message?: unknown;
      path?: unknown;
      extensions?: { code?: unknown; subgraph?: unknown };
    };
    const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
    return {
      message: text(e.message) ?? 'error without a message',
      code: text(e.extensions?.code),
      subgraph: text(e.extensions?.subgraph),
      path: Array.isArray(e.path) ? (e.path as (string | number)[]) : undefined,
    };
  });
}

/**
 * Codes that mean "no answer now" rather than "no": the gateway could not reach a subgraph
 * (SUBGRAPH_UNAVAILABLE, also what a subgraph says when its database is busy), something broke on
 * the way (INTERNAL_SERVER_ERROR: the gateway masks the owner's crash as that), or the gateway is
 * between schemas or stopping (its runtime's SCHEMA_RELOAD, SHUTTING_DOWN). Asking again later
 * may well work.
 */
const NO_ANSWER_NOW = new Set(['SUBGRAPH_UNAVAILABLE', 'INTERNAL_SERVER_ERROR', 'SCHEMA_RELOAD', 'SHUTTING_DOWN']);

/**
 * The subgraph that could not answer, when `err` means "no answer now"; undefined when it is a
 * definite answer (FORBIDDEN, BAD_USER_INPUT, NOT_FOUND, an error without a code, …). The gateway
 * names the subgraph it could not reach; otherwise it is the owner the caller asked.
 */
export function unansweredBy(err: ServiceCallError, owner: string): string | undefined {
  if (err.errors.length === 0) return owner;
  if (!err.errors.some((e) => e.code !== undefined && NO_ANSWER_NOW.has(e.code))) return undefined;
  return err.errors.find((e) => e.code === 'SUBGRAPH_UNAVAILABLE' && e.subgraph)?.subgraph ?? owner;
}

/**
 * What the end user gets when a fact could not be checked: retryable, naming the subgraph, and
 * saying that nothing was changed (the caller asks before it writes).
 * @param purpose what the fact was for, completing "Cannot … now", e.g. "check the delegated task"
 */
export function subgraphUnavailable(subgraph: string, purpose: string): GraphQLError {
  return clientError('SUBGRAPH_UNAVAILABLE', `Cannot ${purpose} now: the ${subgraph} subgraph is unavailable; nothing was changed, try again later`, {
    subgraph,
    retryable: true,
  });
}
