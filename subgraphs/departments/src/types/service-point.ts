import { builder } from '../builder.js';

/**
 * ServicePoint is owned by `services`. Its commitments are this subgraph's, in the one commitment
 * system of departments, streets and service points (commitment.ts adds them here), so that a
 * point's promises are proposed, assessed and counted like every other owner's.
 */
export const ServicePoint = builder.externalRef('ServicePoint', builder.selection<{ id: string }>('id')).implement({
  externalFields: (t) => ({ id: t.id() }),
});
