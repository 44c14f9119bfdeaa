// The one question answered without the gateway's signature: `{ _service { sdl } }`, with which
// the hub's CLI reads a running partner's schema before the district publishes it. The schema is
// no secret (the hub shows it to every client), and nothing else may pass this way: one query
// operation selecting exactly that field, without aliases, arguments, directives or fragments.
import { Kind, parse, type SelectionSetNode } from 'graphql';

const onlyField = (set: SelectionSetNode | undefined, name: string) => {
  const [field, ...more] = set?.selections ?? [];
  return more.length === 0 && field?.kind === Kind.FIELD && field.name.value === name && !field.alias && !field.arguments?.length && !field.directives?.length
    ? field
    : undefined;
};

export function isServiceSdlQuery(query: unknown): boolean {
  if (typeof query !== 'string' || query.length > 500) return false;
  try {
    // maxTokens: this parse runs for anyone who can reach the port.
    const [operation, ...more] = parse(query, { noLocation: true, maxTokens: 64 }).definitions;
    if (more.length > 0 || operation?.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'query') return false;
    if (operation.variableDefinitions?.length || operation.directives?.length) return false;
    const service = onlyField(operation.selectionSet, '_service');
    const sdl = onlyField(service?.selectionSet, 'sdl');
    return Boolean(sdl && !sdl.selectionSet);
  } catch {
    return false;
  }
}
