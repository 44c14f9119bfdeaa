import { buildASTSchema, isEnumType, Kind, parse, validateSchema, type ConstValueNode } from 'graphql';

export interface SupergraphSubgraph {
  name: string;
  url: string | undefined;
}

/**
 * Checks that `sdl` is a usable federation supergraph before the gateway swaps to it, and
 * lists its subgraphs. Throws with the reason otherwise.
 *
 * The runtime builds schemas with `assumeValid`, so a truncated or hand-edited file would
 * otherwise only fail later, per request; rejecting it here keeps the old graph serving.
 */
export function validateSupergraph(sdl: string): SupergraphSubgraph[] {
  if (sdl.trim() === '') throw new Error('supergraph is empty');
  const document = parse(sdl, { noLocation: true });
  const schema = buildASTSchema(document);
  const problems = validateSchema(schema);
  if (problems.length > 0) throw new Error(`supergraph schema is invalid: ${problems.map((p) => p.message).join('; ')}`);

  const joinGraph = schema.getType('join__Graph');
  if (!isEnumType(joinGraph)) throw new Error('not a federation supergraph: no join__Graph enum (was it composed?)');
  const subgraphs = joinGraph.getValues().map((value) => {
    const directive = value.astNode?.directives?.find((d) => d.name.value === 'join__graph');
    const name = stringArg(directive?.arguments?.find((a) => a.name.value === 'name')?.value);
    if (!name) throw new Error(`supergraph subgraph ${value.name} has no @join__graph(name:)`);
    return { name, url: stringArg(directive?.arguments?.find((a) => a.name.value === 'url')?.value) };
  });
  if (subgraphs.length === 0) throw new Error('supergraph names no subgraphs');

  const query = schema.getQueryType();
  if (!query || Object.keys(query.getFields()).length === 0) throw new Error('supergraph has no Query fields');
  return subgraphs;
}

function stringArg(value: ConstValueNode | undefined): string | undefined {
  return value?.kind === Kind.STRING ? value.value : undefined;
}
