// The supergraph the gateways watch (`SUPERGRAPH=http://<registry>/supergraph.graphql`): every
// active subgraph at its current version, composed. Composed again only when the federation
// changed; an ETag lets each gateway's poll cost one small query here and nothing on the wire.
// It names each partner's signing key generation (kit federation/partner-keys.ts).
import { createHash } from 'node:crypto';
import { withPartnerKeys } from '@shequ/kit/federation/partner-keys';
import { compose } from '@shequ/kit/federation/supergraph';
import type { Logger } from '@shequ/kit';
import type { DB } from '../db.js';
import { readFederation } from './store.js';

export interface ServedSupergraph {
  sdl: string;
  etag: string;
}

/**
 * `coreNames`: the core subgraphs there must be (schema/). Until each is recorded, nothing is
 * served (503): on a fresh database two registry replicas record them concurrently, and a
 * supergraph of the first few would be a gateway without the others' types for seconds.
 */
export function supergraphServer(prisma: DB, log: Logger, coreNames: () => readonly string[]) {
  let cached: { state: string; served: ServedSupergraph } | undefined;
  let failedState: string | undefined;
  return {
    /** The current supergraph, or the last one that composed when the stored state does not (it should not: changes are checked). */
    async current(): Promise<ServedSupergraph | undefined> {
      const federation = await readFederation(prisma);
      if (cached?.state === federation.state) return cached.served;
      const members = new Set(federation.members.map((m) => m.name));
      if (coreNames().some((name) => !members.has(name))) return cached?.served;
      const composed = compose(federation.members);
      if (!composed.ok) {
        // Only a core change from schema/ can get here (partner changes are checked first).
        if (failedState !== federation.state)
          log.error({ errors: composed.errors.slice(0, 5) }, 'the federation no longer composes; serving the last supergraph that did');
        failedState = federation.state;
        return cached?.served;
      }
      const sdl = withPartnerKeys(composed.supergraphSdl, federation.partnerKeys);
      cached = { state: federation.state, served: { sdl, etag: `"${createHash('sha256').update(sdl).digest('base64url').slice(0, 27)}"` } };
      return cached.served;
    },
  };
}
