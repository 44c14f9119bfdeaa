// postinstall: generates each subgraph's Prisma client and Pothos types, offline.
// `prisma generate` only needs the WASM engines, but the CLI insists that a schema-engine
// binary exists before it starts; any existing file satisfies that check.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const prismaBin = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');
if (!existsSync(prismaBin)) {
  console.log('generate: prisma is not installed yet; skipping');
  process.exit(0);
}
const schemas = ['subgraphs', 'examples']
  .flatMap((dir) =>
    existsSync(path.join(root, dir)) ? readdirSync(path.join(root, dir)).map((name) => path.join(root, dir, name, 'prisma', 'schema.prisma')) : [],
  )
  .filter((file) => existsSync(file));

const env = {
  ...process.env,
  // The pothos generator is found on PATH, as it is under `npm run`.
  PATH: `${path.join(root, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  CHECKPOINT_DISABLE: '1',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
};
for (const schema of schemas) {
  const result = spawnSync(process.execPath, [prismaBin, 'generate', '--schema', schema], { cwd: root, env, encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    console.error(`generate: failed for ${path.relative(root, schema)}`);
    process.exit(1);
  }
  console.log(`generate: ${path.relative(root, schema)} ✓`);
}

// The web dashboard, once the workspace's packages are in place (dashboard-build.mjs).
const { ensureDashboardBuilt } = await import('./dashboard-build.mjs');
try {
  ensureDashboardBuilt({ log: (line) => console.log(`generate: ${line}`) });
} catch (error) {
  console.error(`generate: ${error.message}`);
  process.exit(1);
}
