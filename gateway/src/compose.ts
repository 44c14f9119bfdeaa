import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';

export interface SubgraphDefinition {
  /** Subgraph name as it appears in `join__graph(name:)`; transport overrides are keyed by it. */
  name: string;
  url: string;
  sdl: string;
}

/**
 * Composes subgraph SDLs into a federation supergraph SDL.
 *
 * Throws with every composition error in the message, because the caller (a compose script,
 * CI or a test) needs the whole list to fix a schema, not just the first problem.
 */
export function composeSupergraph(subgraphs: SubgraphDefinition[]): string {
  if (subgraphs.length === 0) throw new Error('Supergraph composition failed: no subgraphs given');
  const names = new Set<string>();
  for (const { name } of subgraphs) {
    if (names.has(name)) throw new Error(`Supergraph composition failed: subgraph "${name}" given twice`);
    names.add(name);
  }

  const services = subgraphs.map(({ name, url, sdl }) => {
    try {
      return { name, url, typeDefs: parse(sdl) };
    } catch (error) {
      throw new Error(`Supergraph composition failed: subgraph "${name}" SDL does not parse: ${(error as Error).message}`);
    }
  });

  const result = composeServices(services);
  if (result.errors) {
    const lines = result.errors.map((e) => {
      const code = e.extensions?.code ? `[${String(e.extensions.code)}] ` : '';
      return `  - ${code}${e.message}`;
    });
    throw new Error(`Supergraph composition failed with ${result.errors.length} error(s):\n${lines.join('\n')}`);
  }
  return result.supergraphSdl;
}
