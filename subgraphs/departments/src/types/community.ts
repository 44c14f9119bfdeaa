import { builder } from '../builder.js';

/**
 * Community is owned by `committees`; this subgraph adds the staff assigned to it, the work
 * delegated to it and its relationships with streets and departments (see staff.ts,
 * delegated-task.ts, relationship.ts). Committees provides Community.street.
 */
export const Community = builder.externalRef('Community', builder.selection<{ id: string }>('id')).implement({
  externalFields: (t) => ({ id: t.id() }),
});

export const communityRef = (id: string) => ({ id });
