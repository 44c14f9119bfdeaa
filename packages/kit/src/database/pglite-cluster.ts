// Opening embedded PostgreSQL (PGlite) cheaply.
//
// A new PGlite cluster runs initdb in WebAssembly: about 5 s of CPU. Restoring a saved pristine
// cluster takes about 1 s. The first new database on a machine saves one (under a lock, so five
// subgraphs starting together make it once); every later new database, on disk or in memory
// (a first `npm start`, every test), starts from that copy. Existing clusters open as they are.
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';

// PostgreSQL's default 128 MB of shared buffers is zeroed at every start (about 0.45 s of CPU);
// a subgraph's database is a few tens of MB, so 32 MB still caches it at a quarter of the cost.
const startParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];

const staleLockMs = 120_000;
const pollMs = 100;

function pgliteVersion(): string {
  const require = createRequire(import.meta.url);
  const manifest = path.join(path.dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json');
  return (require(manifest) as { version: string }).version;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const errorCode = (err: unknown) => (err as NodeJS.ErrnoException).code;

async function readIfPresent(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return null;
    throw err;
  }
}

/** Makes the pristine cluster once; other processes wait for it rather than run initdb too. */
async function loadOrMakePristine(cacheDir: string): Promise<Blob> {
  await mkdir(cacheDir, { recursive: true });
  const file = path.join(cacheDir, `pglite-${pgliteVersion()}-pristine.tar.gz`);
  const lock = `${file}.lock`;
  for (;;) {
    const saved = await readIfPresent(file);
    if (saved) return new Blob([new Uint8Array(saved)]);
    let handle;
    try {
      handle = await open(lock, 'wx');
    } catch (err) {
      if (errorCode(err) !== 'EEXIST') throw err;
      // Another process is making it; a lock left by a process that died is taken over.
      const age = await stat(lock).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age > staleLockMs) await rm(lock, { force: true });
      await sleep(pollMs);
      continue;
    }
    try {
      const fresh = await PGlite.create({ startParams });
      const dump = await fresh.dumpDataDir('gzip');
      await fresh.close();
      const partial = `${file}.${process.pid}.partial`;
      await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
      await rename(partial, file);
      return dump;
    } finally {
      await handle.close();
      await rm(lock, { force: true });
    }
  }
}

const pristine = new Map<string, Promise<Blob>>();

/**
 * Opens the cluster in `dataDir` (in memory when null), creating it from the saved pristine
 * cluster in `cacheDir` when it does not exist yet.
 */
export async function openPGlite(dataDir: string | null, cacheDir: string): Promise<PGlite> {
  if (dataDir && existsSync(path.join(dataDir, 'PG_VERSION'))) return PGlite.create({ dataDir, startParams });
  if (dataDir) await mkdir(dataDir, { recursive: true });
  if (!pristine.has(cacheDir)) pristine.set(cacheDir, loadOrMakePristine(cacheDir));
  let loadDataDir: Blob;
  try {
    loadDataDir = await pristine.get(cacheDir)!;
  } catch {
    // No writable cache (a read-only checkout, a full disk): initdb as PGlite would by itself.
    pristine.delete(cacheDir);
    return PGlite.create({ dataDir: dataDir ?? undefined, startParams });
  }
  return PGlite.create({ dataDir: dataDir ?? undefined, loadDataDir, startParams });
}

/**
 * Prisma's driver for a PGlite cluster. The schema engine's shadow database (where it replays
 * migrations to compare them with schema.prisma) starts from the pristine copy too.
 */
export function pgliteAdapterFactory(pglite: PGlite, cacheDir: string): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaPGlite(pglite);
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => factory.connect(),
    connectToShadowDb: async () => new PrismaPGlite(await openPGlite(null, cacheDir)).connect(),
  };
}
