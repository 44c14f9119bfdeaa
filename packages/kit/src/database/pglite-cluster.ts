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
import { withEnumArrayLiterals } from './pglite-enum-arrays.js';

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

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errorCode(err) === 'EPERM';
  }
}

/** The lock's owner has exited (say, a launcher stopped mid-way), or it is older than any initdb. */
async function lockAbandoned(lock: string): Promise<boolean> {
  try {
    const [owner, info] = await Promise.all([readFile(lock, 'utf8'), stat(lock)]);
    const pid = Number(owner);
    if (Number.isInteger(pid) && pid > 0 && !processAlive(pid)) return true;
    return Date.now() - info.mtimeMs > staleLockMs;
  } catch {
    return false; // gone already, or just created and not yet written
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
    let handle: Awaited<ReturnType<typeof open>> | undefined;
    try {
      handle = await open(lock, 'wx');
      await handle.write(String(process.pid));
    } catch (err) {
      if (errorCode(err) !== 'EEXIST') throw err;
      // Another process is making it; a lock left by a process that died is taken over.
      if (await lockAbandoned(lock)) await rm(lock, { force: true });
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
 * Makes sure the pristine cluster is saved in cacheDir (making it if missing). A launcher calls
 * this while its services are still loading, so that none of them waits for initdb.
 */
export function ensurePristineCluster(cacheDir: string): Promise<Blob> {
  if (!pristine.has(cacheDir)) pristine.set(cacheDir, loadOrMakePristine(cacheDir));
  return pristine.get(cacheDir)!;
}

/**
 * Opens the cluster in `dataDir` (in memory when null), creating it from the saved pristine
 * cluster in `cacheDir` when it does not exist yet.
 */
export async function openPGlite(dataDir: string | null, cacheDir: string): Promise<PGlite> {
  if (dataDir && existsSync(path.join(dataDir, 'PG_VERSION'))) return PGlite.create({ dataDir, startParams });
  if (dataDir) await mkdir(dataDir, { recursive: true });
  let loadDataDir: Blob;
  try {
    loadDataDir = await ensurePristineCluster(cacheDir);
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
    connect: async () => withEnumArrayLiterals(await factory.connect()),
    connectToShadowDb: async () => withEnumArrayLiterals(await new PrismaPGlite(await openPGlite(null, cacheDir)).connect()),
  };
}
