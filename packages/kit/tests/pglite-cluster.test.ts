import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPGlite } from '../src/database/pglite-cluster.js';

describe('embedded clusters from the pristine copy', () => {
  let root: string;
  let cache: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'shequ-pglite-'));
    cache = path.join(root, 'cache');
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('makes the pristine cluster once when several databases are created at the same time', async () => {
    const dbs = await Promise.all([openPGlite(null, cache), openPGlite(path.join(root, 'a'), cache), openPGlite(path.join(root, 'b'), cache)]);
    for (const db of dbs) expect((await db.query<{ ok: number }>('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
    await Promise.all(dbs.map((db) => db.close()));
    const files = await readdir(cache);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^pglite-\d+\.\d+\.\d+-pristine\.tar\.gz$/);
    expect(existsSync(path.join(root, 'a', 'PG_VERSION'))).toBe(true);
  });

  it('opens an existing cluster as it is, keeping its data, and reuses the saved copy for new ones', async () => {
    const saved = path.join(cache, (await readdir(cache))[0]!);
    const before = (await stat(saved)).mtimeMs;
    const a = await openPGlite(path.join(root, 'a'), cache);
    await a.exec(`CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)`);
    await a.close();
    const again = await openPGlite(path.join(root, 'a'), cache);
    expect((await again.query<{ id: number }>('SELECT id FROM kept')).rows).toEqual([{ id: 42 }]);
    await again.close();
    // A new database does not see another's tables: it starts pristine.
    const fresh = await openPGlite(path.join(root, 'c'), cache);
    expect((await fresh.query(`SELECT 1 FROM pg_tables WHERE tablename = 'kept'`)).rows).toHaveLength(0);
    await fresh.close();
    expect((await stat(saved)).mtimeMs).toBe(before);
  });

  it('takes over a lock left by a process that died while making the pristine cluster', async () => {
    const exited = spawnSync(process.execPath, ['-e', '']).pid!;
    const otherCache = path.join(root, 'other-cache');
    await mkdir(otherCache, { recursive: true });
    const version = (await readdir(cache))[0]!.replace('-pristine.tar.gz', '');
    const lock = path.join(otherCache, `${version}-pristine.tar.gz.lock`);
    await writeFile(lock, String(exited));
    // Without the take-over this would wait for the lock to age (two minutes) and time out.
    const db = await openPGlite(null, otherCache);
    expect((await db.query<{ ok: number }>('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
    await db.close();
    expect(existsSync(lock)).toBe(false);
  }, 60_000);

  it('runs with 32 MB of shared buffers instead of 128 MB', async () => {
    const db = await openPGlite(null, cache);
    expect((await db.query<{ shared_buffers: string }>('SHOW shared_buffers')).rows[0]!.shared_buffers).toBe('32MB');
    await db.close();
  });
});
