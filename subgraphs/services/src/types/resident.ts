import { builder } from '../builder.js';

/** Resident is owned by `committees`, which decides who sees its personal fields; referenced only. */
export const Resident = builder.externalRef('Resident', builder.selection<{ id: string }>('id')).implement({
  externalFields: (t) => ({ id: t.id() }),
});
