// Bundles the hub's own TypeScript (gateway, subgraphs, @shequ/*) into plain ES modules, so a
// process starts with `node` alone: no TypeScript loader hooks on every import, no esbuild service
// per process. Dependencies stay in node_modules, untouched: they carry their own .wasm and data
// files. Rebuilding everything takes a fraction of a second, so `npm start` does it every time.
import { rm } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

export interface Entry {
  name: string;
  /** Absolute path of the TypeScript entry module. */
  source: string;
}

/**
 * Our modules find files next to themselves (`new URL('../prisma', import.meta.url)`); inside a
 * bundle `import.meta.url` would name the bundle. Each of our modules gets its own URL instead.
 */
const ownImportMetaUrl: Plugin = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = await readFile(args.path, 'utf8');
      const contents = source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
      return { contents, loader: 'ts' };
    });
  },
};

/**
 * Only workspace packages are bundled; every other bare import is loaded from node_modules. We
 * import dependencies for their exports only, so an import nothing uses is dropped: the gateway
 * uses a few helpers of @shequ/kit and must not load the database stack behind the others.
 */
const dependenciesStayExternal: Plugin = {
  name: 'dependencies-stay-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@shequ/') ? undefined : { path: args.path, external: true, sideEffects: false }));
  },
};

/** Writes `<outDir>/<name>.mjs` for each entry and returns those paths. */
export async function bundleEntries(entries: Entry[], outDir: string): Promise<Map<string, string>> {
  await rm(outDir, { recursive: true, force: true });
  await build({
    entryPoints: Object.fromEntries(entries.map((e) => [e.name, e.source])),
    outdir: outDir,
    bundle: true,
    // Shared code goes into chunks, and what is imported dynamically (the PostgreSQL driver, the
    // Redis client) into chunks of its own that load only when used.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [ownImportMetaUrl, dependenciesStayExternal],
  });
  return new Map(entries.map((e) => [e.name, path.join(outDir, `${e.name}.mjs`)]));
}
