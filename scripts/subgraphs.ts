// The subgraphs of this repository, discovered from subgraphs/<name>/src/index.ts (default export).
import { loadRoutingUrls } from '@shequ/kit/config/tools';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PrismaLike, SubgraphDefinition } from '@shequ/kit';
import { repoRoot } from '@shequ/kit/paths';

export const subgraphsDir = path.join(repoRoot, 'subgraphs');

export function subgraphNames(): string[] {
  return readdirSync(subgraphsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(subgraphsDir, d.name, 'src', 'index.ts')))
    .map((d) => d.name)
    .sort();
}

export async function loadSubgraph(name: string): Promise<SubgraphDefinition<PrismaLike>> {
  if (!subgraphNames().includes(name)) throw new Error(`unknown subgraph "${name}"; known: ${subgraphNames().join(', ')}`);
  const mod = (await import(pathToFileURL(path.join(subgraphsDir, name, 'src', 'index.ts')).href)) as { default: SubgraphDefinition<PrismaLike> };
  return mod.default;
}

export async function loadSubgraphs(): Promise<SubgraphDefinition<PrismaLike>[]> {
  return Promise.all(subgraphNames().map(loadSubgraph));
}

/** Where the supergraph routes to a subgraph: its fixed local port unless SUBGRAPH_<NAME>_URL says otherwise. */
export function routingUrl(def: { name: string; defaultPort: number }): string {
  return loadRoutingUrls(process.env, [def]).get(def.name)!;
}
