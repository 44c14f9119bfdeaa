// npm run compose [-- --check]: prints each subgraph's SDL from code (no server needed), writes
// schema/<subgraph>.graphql and composes schema/supergraph.graphql. With --check it writes
// nothing and fails when the committed files are stale.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { printSubgraphSchema } from '@apollo/subgraph';
import { composeSupergraph } from '@shequ/kit/federation/supergraph';
import { repoRoot } from '@shequ/kit';
import { loadSubgraphs, routingUrl } from './subgraphs.js';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const schemaDir = path.join(repoRoot, 'schema');

const subgraphs = (await loadSubgraphs()).map((def) => ({ name: def.name, url: routingUrl(def), sdl: printSubgraphSchema(def.schema) }));
const files = new Map<string, string>(subgraphs.map((s) => [`${s.name}.graphql`, `${s.sdl.trim()}\n`]));
try {
  files.set('supergraph.graphql', `${composeSupergraph(subgraphs).trim()}\n`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}

let stale = 0;
for (const [name, content] of files) {
  const file = path.join(schemaDir, name);
  const current = existsSync(file) ? readFileSync(file, 'utf8') : null;
  if (current === content) continue;
  if (values.check) {
    stale++;
    console.error(`schema/${name} is stale: run \`npm run compose\` and commit the result`);
  } else {
    writeFileSync(file, content);
    console.log(`wrote schema/${name}`);
  }
}
console.log(values.check ? (stale ? '' : 'schema/ is up to date') : `composed ${subgraphs.length} subgraphs into schema/supergraph.graphql`);
process.exit(stale ? 1 : 0);
