// A subgraph acting on its own behalf (outbox deliveries, fact look-ups) is role SERVICE with
// `sub` = service:<its name>. A service-only write names the one subgraph whose flow it belongs to
// and refuses every other caller, other subgraphs and administrators included.
import { forbidden } from '../errors.js';
import type { Caller } from './caller.js';

const prefix = 'service:';

export const serviceSubject = (subgraph: string): string => `${prefix}${subgraph}`;

/** The subgraph a SERVICE caller is, or null for any other caller. */
export function serviceOf(caller: Caller): string | null {
  if (caller.role !== 'SERVICE' || !caller.subject?.startsWith(prefix)) return null;
  return caller.subject.slice(prefix.length) || null;
}

export const isService = (caller: Caller, subgraph: string): boolean => serviceOf(caller) === subgraph;

/** FORBIDDEN unless the caller is the `owner` subgraph itself; `does` says what only it does. */
export function requireService(caller: Caller, owner: string, does: string): void {
  if (isService(caller, owner)) return;
  const who = serviceOf(caller) ? `the ${serviceOf(caller)} subgraph` : caller.role === 'SERVICE' ? 'an unnamed service' : caller.role;
  throw forbidden(`Only the ${owner} subgraph ${does}; ${who} may not`);
}
