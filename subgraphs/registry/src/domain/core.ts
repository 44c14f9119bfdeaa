// The hub's own subgraphs, as the repository publishes them: schema/<name>.graphql (written by
// `npm run compose`), routed where the composed schema/supergraph.graphql says, or where
// SHEQU_SUBGRAPH_URLS says (a deployment's addresses; `npm start` with free ports).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@shequ/kit';
import { validateSupergraph, type SubgraphSource } from '@shequ/kit/federation/supergraph';

export const defaultSchemaDir = path.join(repoRoot, 'schema');

/** name=url,name=url; the gateway reads the same variable. */
export function subgraphUrlsFromEnv(value = process.env.SHEQU_SUBGRAPH_URLS): Map<string, string> {
  const urls = new Map<string, string>();
  for (const pair of (value ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = pair.indexOf('=');
    if (at > 0) urls.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
  return urls;
}

/** Where a core subgraph is routed: SHEQU_SUBGRAPH_URLS, else the URL composed into schema/supergraph.graphql. */
export type CoreUrls = (name: string) => string | undefined;

export function readCoreSubgraphs(schemaDir = defaultSchemaDir, urlOf?: CoreUrls): SubgraphSource[] {
  const supergraph = path.join(schemaDir, 'supergraph.graphql');
  const fromEnv = subgraphUrlsFromEnv();
  const composedUrls = new Map(existsSync(supergraph) ? validateSupergraph(readFileSync(supergraph, 'utf8')).map((s) => [s.name, s.url]) : []);
  const routeOf: CoreUrls = urlOf ?? ((name) => fromEnv.get(name) ?? composedUrls.get(name));
  return readdirSync(schemaDir)
    .filter((f) => f.endsWith('.graphql') && f !== 'supergraph.graphql')
    .sort()
    .map((file) => {
      const name = file.replace(/\.graphql$/, '');
      const url = routeOf(name);
      if (!url) throw new Error(`${path.join(schemaDir, file)}: no routing URL for core subgraph ${name} (compose it, or set SHEQU_SUBGRAPH_URLS)`);
      return { name, url, sdl: readFileSync(path.join(schemaDir, file), 'utf8') };
    });
}
