import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { callerFromClaims, type Caller } from '../auth/caller.js';
import type { Logger } from '../logger.js';
import { Loaders } from './loaders.js';

/** What every resolver of every subgraph receives. */
export interface SubgraphContext<DB = unknown> {
  requestId: string;
  caller: Caller;
  prisma: DB;
  loaders: Loaders;
  log: Logger;
}

export const requestIdHeader = 'x-request-id';

/** A request's context; `claims` are the caller's verified token claims (null: anonymous). */
export function createContext<DB>(prisma: DB, log: Logger, headers: IncomingHttpHeaders, claims: Record<string, unknown> | null): SubgraphContext<DB> {
  const incoming = headers[requestIdHeader];
  const requestId = typeof incoming === 'string' && /^[\w-]{1,100}$/.test(incoming) ? incoming : randomUUID();
  return {
    requestId,
    caller: callerFromClaims(claims),
    prisma,
    loaders: new Loaders(),
    log: log.child({ requestId }),
  };
}
