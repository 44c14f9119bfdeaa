// The cache plugin adds `__responseCacheTypeName: __typename` to every selection set, the
// operation's own included, to learn which entities an answer holds. At the root that field
// names no entity and the planner sends it to some subgraph: while that subgraph is down every
// answer (and every mutation) gained an error. This plugin, placed before the cache plugin, takes
// it out of the root selection again before the operation is planned.
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { Kind, type DocumentNode } from 'graphql/index.js';

const ADDED = '__responseCacheTypeName';
const stripped = new WeakMap<DocumentNode, DocumentNode>();

export function withoutRootTypename(document: DocumentNode): DocumentNode {
  let result = stripped.get(document);
  if (result) return result;
  result = {
    ...document,
    definitions: document.definitions.map((definition) =>
      definition.kind !== Kind.OPERATION_DEFINITION
        ? definition
        : {
            ...definition,
            selectionSet: {
              ...definition.selectionSet,
              selections: definition.selectionSet.selections.filter((s) => !(s.kind === Kind.FIELD && s.alias?.value === ADDED)),
            },
          },
    ),
  };
  stripped.set(document, result);
  return result;
}

export const useRootTypenameStripped = (): GatewayPlugin => ({
  onExecute({ executeFn, setExecuteFn }) {
    setExecuteFn((args) => executeFn({ ...args, document: withoutRootTypename(args.document) }));
  },
});
