import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  databaseTargetFromEnv,
  DatabaseConfigError,
  migrationNames,
  openDatabase,
  prismaProject,
  repoRoot,
  type Database,
  type DatabaseTarget,
} from '../src/index.js';
import { schemaLockKeys } from '../src/database/postgres.js';
import { isolatedTarget, postgresAvailable } from '../src/testing/databases.js';
import { createClient, type DB } from '../../../subgraphs/departments/src/db.js';

const project = prismaProject(fileURLToPath(new URL('../../../subgraphs/departments/prisma', import.meta.url)));
const pgUp = await postgresAvailable();
const migrations = await migrationNames(project);

describe.each(['pglite', 'postgres'] as const)('database on %s', (kind) => {
  describe.skipIf(kind === 'postgres' && !pgUp)('', () => {
    let db: Database<DB>;
    const target = isolatedTarget(kind, 'kit');
    beforeAll(async () => {
      db = await openDatabase({ target, project, createClient });
    });
    afterAll(async () => {
      await db?.drop();
    });

    it('applies migrations and records them in _prisma_migrations', async () => {
      const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string; finished_at: Date | null }[]>(
        'SELECT migration_name, finished_at FROM _prisma_migrations',
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    });

    it('reads and writes through the Prisma client and counts statements', async () => {
      const { statements } = await db.queries.measure(() => db.prisma.street.create({ data: { id: 'street-test', name: '测试街道', nameEn: 'Test Street' } }));
      expect(statements).toBeGreaterThanOrEqual(1);
      expect(await db.prisma.street.count()).toBe(1);
    });

    it('re-opening the same data applies nothing twice', async () => {
      if (target.kind !== 'postgres') return; // an in-memory PGlite cannot be reopened
      const again = await openDatabase({ target, project, createClient, onMigrated: (applied) => expect(applied).toEqual([]) });
      expect(await again.prisma.street.count()).toBe(1);
      await again.close();
    });
  });
});

describe.skipIf(!pgUp)('subgraphs sharing one PostgreSQL database (npm start with DATABASE_URL)', () => {
  it('migrate one after another at the same time, and leave no lock behind', async () => {
    // One database, a schema per subgraph, as DATABASE_URL gives them; all opened at once.
    const { url, ephemeral } = isolatedTarget('postgres', 'kit') as Extract<DatabaseTarget, { kind: 'postgres' }>;
    const name = new URL(url).pathname.slice(1);
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: ephemeral!.adminUrl });
      await client.connect();
      await client.query(sql).finally(() => client.end());
    };
    await admin(`CREATE DATABASE "${name}"`);
    const dbs = await Promise.all(
      ['kit_a', 'kit_b', 'kit_c'].map((schema) => openDatabase({ target: { kind: 'postgres', url, schema }, project, createClient })),
    );
    try {
      for (const db of dbs) expect(await db.prisma.street.count()).toBe(0);
      const locks = await dbs[0]!.prisma.$queryRawUnsafe<{ n: number }[]>("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'");
      expect(locks[0]!.n).toBe(0);
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  }, 120_000);
});

describe.skipIf(!pgUp)('replicas of one subgraph starting together on a fresh schema (a cluster)', () => {
  // A database of its own, made before the replicas open it (as an operator's would be).
  const freshDatabase = async () => {
    const { url, schema, ephemeral } = isolatedTarget('postgres', 'kit_replicas') as Extract<DatabaseTarget, { kind: 'postgres' }>;
    const name = new URL(url).pathname.slice(1);
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: ephemeral!.adminUrl });
      await client.connect();
      await client.query(sql).finally(() => client.end());
    };
    await admin(`CREATE DATABASE "${name}"`);
    return { target: { kind: 'postgres', url, schema } as const, drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
  };

  it('apply the migrations exactly once, under the lock, and all come up', async () => {
    const { target: shared, drop } = await freshDatabase();
    const replicas = 5;
    const applied: string[][] = [];
    const waited: string[] = [];
    const dbs = await Promise.all(
      Array.from({ length: replicas }, () =>
        openDatabase({ target: shared, project, createClient, onMigrated: (names) => applied.push(names), onWaiting: (holder) => waited.push(holder) }),
      ),
    );
    try {
      // One replica applied all of them; every other one found nothing left once it had the lock.
      expect(applied).toHaveLength(replicas);
      expect(applied.filter((names) => names.length > 0)).toEqual([migrations]);
      const rows = await dbs[0]!.prisma.$queryRawUnsafe<{ migration_name: string; n: number }[]>(
        'SELECT migration_name, count(*)::int AS n FROM _prisma_migrations GROUP BY migration_name ORDER BY migration_name',
      );
      expect(rows).toEqual(migrations.map((migration_name) => ({ migration_name, n: 1 })));
      for (const db of dbs) expect(await db.prisma.street.count()).toBe(0);
      const locks = await dbs[0]!.prisma.$queryRawUnsafe<{ n: number }[]>("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'");
      expect(locks[0]!.n).toBe(0);
      console.log(`${replicas} replicas started together: migrations applied once (${migrations.length}), ${waited.length} waited for the lock`);
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
      await drop();
    }
  }, 120_000);

  it('a replica waits a bounded time for a holder that does not finish, then says who holds the lock', async () => {
    const { target: t, drop } = await freshDatabase();
    // The lock taken by another connection: a stuck replica.
    const holder = new pg.Client({ connectionString: t.url, application_name: 'stuck replica' });
    await holder.connect();
    const [classKey, objectKey] = schemaLockKeys(t.schema, 'migrate');
    await holder.query('SELECT pg_advisory_lock(hashtext($1), hashtext($2))', [classKey, objectKey]);
    try {
      const started = Date.now();
      const waiting = openDatabase({ target: t, project, createClient, lockWaitMs: 1_500 });
      await expect(waiting).rejects.toThrow(DatabaseConfigError);
      await expect(waiting).rejects.toThrow(
        /migrations .* are pending, and PostgreSQL backend \d+ \(stuck replica.*\) has held the migrate lock of schema "kit_replicas" for more than 2 s/,
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
      expect(Date.now() - started).toBeLessThan(10_000);
      // Once the holder lets go, the next start migrates.
      await holder.query('SELECT pg_advisory_unlock(hashtext($1), hashtext($2))', [classKey, objectKey]);
      const db = await openDatabase({ target: t, project, createClient, lockWaitMs: 1_500 });
      expect(await db.prisma.street.count()).toBe(0);
      await db.close();
    } finally {
      await holder.end();
      await drop();
    }
  }, 120_000);

  it('seed one at a time: exclusive() runs one holder after another', async () => {
    const { target: t, drop } = await freshDatabase();
    const dbs = await Promise.all([0, 1, 2].map(() => openDatabase({ target: t, project, createClient })));
    try {
      let inside = 0;
      let most = 0;
      await Promise.all(
        dbs.map((db) =>
          db.exclusive('seed', async () => {
            inside++;
            most = Math.max(most, inside);
            await new Promise((resolve) => setTimeout(resolve, 300));
            inside--;
          }),
        ),
      );
      expect(most).toBe(1);
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
      await drop();
    }
  }, 120_000);
});

describe('database configuration', () => {
  it('uses embedded PGlite under .data/<subgraph> without DATABASE_URL', () => {
    expect(databaseTargetFromEnv('committees', {}, '/x/.data')).toEqual({ kind: 'pglite', dataDir: '/x/.data/committees' });
  });

  it('uses a PostgreSQL schema per subgraph with DATABASE_URL', () => {
    expect(databaseTargetFromEnv('committees', { DATABASE_URL: 'postgresql://u@h:5432/db' }, '/d')).toEqual({
      kind: 'postgres',
      url: 'postgresql://u@h:5432/db',
      schema: 'committees',
    });
  });

  it.each([
    ['not a url', /not a valid URL/],
    ['mysql://u@h/db', /must use postgresql/],
    ['postgresql://u@h', /names no database/],
    ['postgresql://u@h/db?schema=Bad-Name', /lower-case/],
  ])('rejects DATABASE_URL=%s with a clear sentence', (url, message) => {
    expect(() => databaseTargetFromEnv('committees', { DATABASE_URL: url }, '/d')).toThrow(DatabaseConfigError);
    expect(() => databaseTargetFromEnv('committees', { DATABASE_URL: url }, '/d')).toThrow(message);
  });

  it('a subgraph started with an unreachable DATABASE_URL exits with one clear line', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'subgraphs/departments/src/main.ts'], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/nothing', PORT: '0', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^departments: cannot open PostgreSQL 127\.0\.0\.1:1\/nothing schema "departments": connection refused/);
  });
});

describe.each(['pglite', 'postgres'] as const)('migration scripts on %s', (kind) => {
  it.skipIf(kind === 'postgres' && !pgUp)('apply dollar-quoted bodies (functions, triggers) intact', async () => {
    const { mkdtemp, mkdir, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(`${tmpdir()}/kit-migration-`);
    await writeFile(`${dir}/schema.prisma`, 'datasource db {\n  provider = "postgresql"\n}\n\nmodel Entry {\n  id Int @id\n}\n');
    await mkdir(`${dir}/migrations/20260101000000_init`, { recursive: true });
    await writeFile(`${dir}/migrations/migration_lock.toml`, 'provider = "postgresql"\n');
    await writeFile(
      `${dir}/migrations/20260101000000_init/migration.sql`,
      `CREATE TABLE "Entry" ("id" INTEGER NOT NULL, CONSTRAINT "Entry_pkey" PRIMARY KEY ("id"));
CREATE FUNCTION entry_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'entries are append-only; add a reversing entry';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER entry_no_update BEFORE UPDATE OR DELETE ON "Entry" FOR EACH ROW EXECUTE FUNCTION entry_append_only();
`,
    );
    const db = await openDatabase({ target: isolatedTarget(kind, 'kitmig'), project: prismaProject(dir), createClient });
    try {
      await db.prisma.$queryRawUnsafe('INSERT INTO "Entry" (id) VALUES (1)');
      await expect(db.prisma.$queryRawUnsafe('DELETE FROM "Entry"')).rejects.toThrow(/append-only/);
    } finally {
      await db.drop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
