// What an operation may cost the subgraphs before it runs: every object a field returns counts
// one, multiplied by the sizes of the lists above it. A list's size is its `first`/`last`/`limit`
// argument, the slice of the connection it belongs to (`communities(first: 50) { edges }`), or an
// assumed default. Scalars are free: their parent object was already counted.
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
  type SelectionSetNode,
} from 'graphql/index.js'; // the runtime's graphql build: see graphql-error.ts

const SLICING_ARGUMENTS = new Set(['first', 'last', 'limit', 'take']);

export interface CostOptions {
  defaultListSize: number;
}

export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  options: CostOptions,
): number {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation) return 0;
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  // Cost is linear in the multiplier, so a fragment's cost is computed once per slice it is used
  // under: spreading the same fragment many times (a "fragment bomb") stays linear.
  const fragmentCost = new Map<string, number>();
  const entered = new Set<string>();

  function selectionCost(set: SelectionSetNode | undefined, parent: GraphQLNamedType, slice: number | undefined): number {
    if (!set) return 0;
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        cost += fieldCost(selection, parent, slice);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type) cost += selectionCost(selection.selectionSet, type, slice);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        const key = `${name}:${slice ?? ''}`;
        if (!fragment || entered.has(name)) continue;
        let unit = fragmentCost.get(key);
        if (unit === undefined) {
          const type = schema.getType(fragment.typeCondition.name.value);
          entered.add(name);
          unit = type ? selectionCost(fragment.selectionSet, type, slice) : 0;
          entered.delete(name);
          fragmentCost.set(key, unit);
        }
        cost += unit;
      }
    }
    return cost;
  }

  function fieldCost(node: FieldNode, parent: GraphQLNamedType, parentSlice: number | undefined): number {
    const field = fieldOf(parent, node.name.value);
    if (!field) return 0; // __typename and introspection meta fields
    const slice = sliceOf(node, variables);
    const lists = listDepth(field.type);
    // The outer list takes the slice (own, or the enclosing connection's); nested lists the default.
    const factor = lists === 0 ? 1 : (slice ?? parentSlice ?? options.defaultListSize) * options.defaultListSize ** (lists - 1);
    const type = getNamedType(field.type);
    if (!isCompositeType(type)) return 0;
    // A non-list field with a slice is a connection: its slice sizes the lists inside it.
    return factor * (1 + selectionCost(node.selectionSet, type, lists === 0 ? slice : undefined));
  }

  return selectionCost(operation.selectionSet, root, undefined);
}

function fieldOf(type: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}

function listDepth(type: GraphQLType): number {
  let depth = 0;
  for (let t = getNullableType(type); isListType(t); t = getNullableType(t.ofType)) depth++;
  return depth;
}

function sliceOf(node: FieldNode, variables: Record<string, unknown> | null | undefined): number | undefined {
  let slice: number | undefined;
  for (const arg of node.arguments ?? []) {
    if (!SLICING_ARGUMENTS.has(arg.name.value)) continue;
    const raw = arg.value.kind === Kind.VARIABLE ? variables?.[arg.value.name.value] : arg.value.kind === Kind.INT ? Number(arg.value.value) : undefined;
    if (typeof raw === 'number' && Number.isFinite(raw)) slice = Math.max(slice ?? 0, Math.max(0, raw));
  }
  return slice;
}
