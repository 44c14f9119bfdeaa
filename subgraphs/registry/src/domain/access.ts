// Who may act on which subgraph. District administrators on every partner subgraph; a partner
// agency's token (role PARTNER) only on the subgraphs registered to its partnerId — the registry's
// record decides, not the token. Core subgraphs change only through the repository (schema/).
import { conflict, forbidden, notFound, unauthenticated, type Caller } from '@shequ/kit';
import type { RegisteredSubgraph } from '../generated/prisma/client.js';

export function requireAdmin(caller: Caller): void {
  if (caller.role === 'ANONYMOUS') throw unauthenticated();
  if (caller.role !== 'DISTRICT_ADMIN') throw forbidden('Only district administrators register partner subgraphs');
}

export const mayRead = (caller: Caller, subgraph: Pick<RegisteredSubgraph, 'kind' | 'partnerId'>) =>
  caller.role === 'DISTRICT_ADMIN' || (caller.role === 'PARTNER' && (subgraph.kind === 'CORE' || subgraph.partnerId === caller.partnerId));

/** The partner subgraph `name`, when the caller may change it. */
export function requireSteward(caller: Caller, subgraph: RegisteredSubgraph | null, name: string): RegisteredSubgraph {
  if (caller.role === 'ANONYMOUS') throw unauthenticated();
  if (caller.role !== 'DISTRICT_ADMIN' && caller.role !== 'PARTNER') throw forbidden('Only district administrators and partner agencies manage subgraphs');
  if (!subgraph) throw notFound('Subgraph', name);
  if (caller.role === 'PARTNER' && subgraph.kind === 'PARTNER' && subgraph.partnerId !== caller.partnerId)
    throw forbidden(`Subgraph ${name} is not registered to your agency`);
  if (subgraph.kind === 'CORE') {
    if (caller.role === 'PARTNER') throw forbidden(`${name} is a core subgraph of the hub`);
    throw conflict(`${name} is a core subgraph: it changes through the repository (npm run compose), not the registry`);
  }
  return subgraph;
}
