// Composing subgraphs into a federation supergraph (@theguild/federation-composition), and
// reading one back: used by `npm run compose`, the registry and the gateway alike.
import { composeServices } from '@theguild/federation-composition';
import { buildASTSchema, isEnumType, Kind, parse, validateSchema, type ConstValueNode } from 'graphql';

export interface SubgraphSource {
  /** Subgraph name as it appears in `join__graph(name:)`; transport overrides are keyed by it. */
  name: string;
  url: string;
  sdl: string;
}

export interface CompositionError {
  /** The federation error code, e.g. INVALID_FIELD_SHARING. */
  code: string;
  message: string;
}

export type Composition = { ok: true; supergraphSdl: string; publicSdl: string } | { ok: false; errors: CompositionError[] };

/** Composes, reporting every problem (a subgraph given twice, SDL that does not parse, federation errors). */
export function compose(subgraphs: SubgraphSource[]): Composition {
  if (subgraphs.length === 0) return { ok: false, errors: [{ code: 'NO_SUBGRAPHS', message: 'no subgraphs given' }] };
  const errors: CompositionError[] = [];
  const names = new Set<string>();
  const services = [];
  for (const { name, url, sdl } of subgraphs) {
    if (names.has(name)) errors.push({ code: 'DUPLICATE_SUBGRAPH', message: `subgraph "${name}" given twice` });
    names.add(name);
    try {
      services.push({ name, url, typeDefs: parse(sdl) });
    } catch (error) {
      errors.push({ code: 'INVALID_GRAPHQL', message: `subgraph "${name}" SDL does not parse: ${(error as Error).message}` });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const result = composeServices(services);
  if (result.errors) return { ok: false, errors: result.errors.map((e) => ({ code: String(e.extensions?.code ?? 'COMPOSITION_ERROR'), message: e.message })) };
  return { ok: true, supergraphSdl: result.supergraphSdl, publicSdl: result.publicSdl };
}

/**
 * Composes subgraph SDLs into a supergraph SDL. Throws with every composition error in the
 * message: the caller (a compose script, CI or a test) needs the whole list to fix a schema.
 */
export function composeSupergraph(subgraphs: SubgraphSource[]): string {
  const result = compose(subgraphs);
  if (result.ok) return result.supergraphSdl;
  const lines = result.errors.map((e) => `  - [${e.code}] ${e.message}`);
  throw new Error(`Supergraph composition failed with ${result.errors.length} error(s):\n${lines.join('\n')}`);
}

export interface SupergraphSubgraph {
  name: string;
  url: string | undefined;
}

/**
 * Checks that `sdl` is a usable federation supergraph, and lists its subgraphs. Throws with the
 * reason otherwise. The gateway runtime builds schemas with `assumeValid`, so a truncated or
 * hand-edited file would otherwise only fail later, per request.
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
