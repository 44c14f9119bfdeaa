import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { callerFromClaims, type Caller } from '../auth/caller.js';
import type { FieldCipher } from '../crypto/field-cipher.js';
import type { HubPubSub } from '../events/pubsub.js';
import type { ServiceClient } from '../federation/service-client.js';
import type { Logger } from '../logger.js';
import { Loaders } from './loaders.js';

/** What a subgraph process holds for its whole life and shares with every request. */
export interface SubgraphServices<DB> {
  prisma: DB;
  log: Logger;
  /** Asks the rest of the hub through the gateway, as this subgraph. */
  services: ServiceClient;
  pubsub: HubPubSub;
  /** The signing secret of a partner subgraph's key generation (the registry hands it out). */
  partnerSecret(subgraph: string, generation: number): string;
  /** Seals personal-data fields with the hub's data key: only for subgraphs with `usesDataKey`. */
  fieldCipher?: FieldCipher;
}

/** What every resolver of every subgraph receives. */
export interface SubgraphContext<DB = unknown> extends SubgraphServices<DB> {
  requestId: string;
  caller: Caller;
  loaders: Loaders;
}

export const requestIdHeader = 'x-request-id';

/** A request's context; `claims` are the caller's verified token claims (null: anonymous). */
export function createContext<DB>(shared: SubgraphServices<DB>, headers: IncomingHttpHeaders, claims: Record<string, unknown> | null): SubgraphContext<DB> {
  const incoming = headers[requestIdHeader];
  const requestId = typeof incoming === 'string' && /^[\w-]{1,100}$/.test(incoming) ? incoming : randomUUID();
  return {
    ...shared,
    requestId,
    caller: callerFromClaims(claims),
    loaders: new Loaders(),
    log: shared.log.child({ requestId }),
  };
}
