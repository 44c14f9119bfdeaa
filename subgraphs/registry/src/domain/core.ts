// The hub's own subgraphs, as the repository publishes them: schema/<name>.graphql (written by
// `npm run compose`), routed where the composed schema/supergraph.graphql says, or where
// SHEQU_SUBGRAPH_URLS says (a deployment's addresses; `npm start` with free ports).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@shequ/kit';
import { registrySettings } from '@shequ/kit/config/subgraph';
import { validateSupergraph, type SubgraphSource } from '@shequ/kit/federation/supergraph';

export const defaultSchemaDir = path.join(repoRoot, 'schema');

/** Where a core subgraph is routed: SHEQU_SUBGRAPH_URLS, else the URL composed into schema/supergraph.graphql. */
export type CoreUrls = (name: string) => string | undefined;

export function readCoreSubgraphs(schemaDir = defaultSchemaDir, urlOf?: CoreUrls): SubgraphSource[] {
  const supergraph = path.join(schemaDir, 'supergraph.graphql');
  const fromEnv = registrySettings().subgraphUrls;
  const composedUrls = composedUrlsOf(supergraph);
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

// Read every couple of seconds: the composed file is parsed again only when it changed.
let composed: { stamp: string; urls: Map<string, string> } | undefined;

function composedUrlsOf(file: string): Map<string, string> {
  if (!existsSync(file)) return new Map();
  const { mtimeMs, size } = statSync(file);
  const stamp = `${file}:${mtimeMs}:${size}`;
  if (composed?.stamp === stamp) return composed.urls;
  const urls = new Map(validateSupergraph(readFileSync(file, 'utf8')).flatMap((s) => (s.url ? [[s.name, s.url] as const] : [])));
  composed = { stamp, urls };
  return urls;
}
