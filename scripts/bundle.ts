// Bundles the hub's own TypeScript (gateway, subgraphs, @shequ/*) into plain ES modules, so a
// process starts with `node` alone: no TypeScript loader hooks on every import, no esbuild service
// per process. Dependencies stay in node_modules, untouched: they carry their own .wasm and data
// files. A build takes under half a second; when no source changed since the last one, the last
// one is used (checking costs a few milliseconds).
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';

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

/** What a build was made from: the entries, and every source file with its size and time. */
interface BuildStamp {
  entries: Entry[];
  sources: Record<string, string>;
}

const stampPath = (outDir: string) => path.join(outDir, 'sources.json');

async function fingerprint(files: string[]): Promise<Record<string, string>> {
  const stamps = await Promise.all(
    files.map((f) =>
      stat(f).then(
        (s) => `${s.size}:${s.mtimeMs}`,
        () => 'missing',
      ),
    ),
  );
  return Object.fromEntries(files.map((f, i) => [f, stamps[i]!]));
}

/** Whether the build in outDir was made from these entries and sources exactly as they are now. */
async function upToDate(entries: Entry[], outDir: string): Promise<boolean> {
  let stamp: BuildStamp;
  try {
    stamp = JSON.parse(await readFile(stampPath(outDir), 'utf8')) as BuildStamp;
  } catch {
    return false;
  }
  if (JSON.stringify(stamp.entries) !== JSON.stringify(entries)) return false;
  const now = await fingerprint(Object.keys(stamp.sources));
  return Object.entries(stamp.sources).every(([file, value]) => now[file] === value);
}

/** Writes `<outDir>/<name>.mjs` for each entry (unless an identical build is there) and returns those paths. */
export async function bundleEntries(entries: Entry[], outDir: string): Promise<Map<string, string>> {
  const bundles = new Map(entries.map((e) => [e.name, path.join(outDir, `${e.name}.mjs`)]));
  if (await upToDate(entries, outDir)) return bundles;
  await rm(outDir, { recursive: true, force: true });
  const { build } = await import('esbuild');
  const result = await build({
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
    metafile: true,
  });
  // This file decides how the bundles are made, so it counts as a source too.
  const sources = [...Object.keys(result.metafile.inputs).map((f) => path.resolve(f)), fileURLToPath(import.meta.url)];
  const stamp: BuildStamp = { entries, sources: await fingerprint(sources) };
  await writeFile(stampPath(outDir), JSON.stringify(stamp));
  return bundles;
}
