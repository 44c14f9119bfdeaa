import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, prismaProject, seedDemoTables, type Database, type DemoTable } from '../src/index.js';
import { isolatedTarget, postgresAvailable } from '../src/testing/databases.js';
import { createClient, type DB } from '../../../subgraphs/departments/src/db.js';

const project = prismaProject(fileURLToPath(new URL('../../../subgraphs/departments/prisma', import.meta.url)));
const pgUp = await postgresAvailable();

describe.each(['pglite', 'postgres'] as const)('demo seeding on %s', (kind) => {
  describe.skipIf(kind === 'postgres' && !pgUp)('', () => {
    let db: Database<DB>;
    beforeAll(async () => {
      db = await openDatabase({ target: isolatedTarget(kind, 'kit-seed'), project, createClient });
      await db.prisma.$executeRawUnsafe(
        `CREATE TABLE "DemoParent" (id text PRIMARY KEY, tags text[] NOT NULL, born date, size int NOT NULL DEFAULT 7, note text)`,
      );
      await db.prisma.$executeRawUnsafe(
        `CREATE TABLE "DemoChild" (id text PRIMARY KEY, "parentId" text NOT NULL REFERENCES "DemoParent"(id), amount bigint NOT NULL)`,
      );
      await db.prisma.$executeRawUnsafe(`CREATE TABLE "DemoAudit" (id text PRIMARY KEY, parents int NOT NULL)`);
    });
    afterAll(() => db?.drop());

    const count = async (table: string) => Number((await db.prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}"`))[0]!.n);
    const parents = () =>
      Array.from({ length: 12_000 }, (_, i) => ({
        id: `p${i}`,
        tags: ['A', `t${i % 3}`],
        born: new Date(Date.UTC(1950, 0, 1 + i)),
        ...(i % 2 ? { note: 'odd' } : {}),
      }));
    const children = () => [
      { id: 'c1', parentId: 'p0', amount: 131_000n },
      { id: 'c2', parentId: 'p11999', amount: 5n },
    ];
    const tables = (overrides: Partial<Record<string, () => readonly object[]>> = {}): DemoTable[] => [
      { table: 'DemoParent', rows: overrides.DemoParent ?? parents },
      { table: 'DemoChild', rows: overrides.DemoChild ?? children },
      {
        table: 'DemoAudit',
        rows: () => [{ id: 'audit', parents: 0 }],
        afterInsert: (tx) => tx.$executeRawUnsafe(`UPDATE "DemoAudit" SET parents = (SELECT count(*) FROM "DemoParent")`),
      },
    ];

    it('writes nothing at all when building or inserting one table fails', async () => {
      const broken = tables({ DemoChild: () => [{ id: 'c1', parentId: 'no-such-parent', amount: 1 }] });
      await expect(seedDemoTables(db.prisma, broken)).rejects.toThrow();
      expect(await count('DemoParent')).toBe(0);
      expect(await count('DemoAudit')).toBe(0);
    });

    it('inserts every table in order, over several statements, with defaults, NULLs, arrays, dates and big integers', async () => {
      const seeded = await seedDemoTables(db.prisma, tables());
      expect(seeded).toEqual({ DemoParent: 12_000, DemoChild: 2, DemoAudit: 1 });
      const [row] = await db.prisma.$queryRawUnsafe<{ tags: string[]; born: Date; size: number; note: string | null }[]>(
        `SELECT tags, born, size, note FROM "DemoParent" WHERE id = 'p0'`,
      );
      expect(row).toEqual({ tags: ['A', 't0'], born: new Date('1950-01-01T00:00:00Z'), size: 7, note: null });
      const [odd] = await db.prisma.$queryRawUnsafe<{ note: string | null }[]>(`SELECT note FROM "DemoParent" WHERE id = 'p1'`);
      expect(odd!.note).toBe('odd');
      const [child] = await db.prisma.$queryRawUnsafe<{ amount: bigint }[]>(`SELECT amount FROM "DemoChild" WHERE id = 'c1'`);
      expect(child!.amount).toBe(131_000n);
      const [audit] = await db.prisma.$queryRawUnsafe<{ parents: number }[]>(`SELECT parents FROM "DemoAudit"`);
      expect(audit!.parents).toBe(12_000);
    });

    it('costs a restart one statement and builds no rows once every table has rows', async () => {
      let built = 0;
      const counting = tables({ DemoParent: () => (built++, parents()), DemoChild: () => (built++, children()) });
      const { result, statements } = await db.queries.measure(() => seedDemoTables(db.prisma, counting));
      expect(result).toBeNull();
      expect(statements).toBe(1);
      expect(built).toBe(0);
    });

    it('fills a table added later and leaves the rows that exist alone', async () => {
      await db.prisma.$executeRawUnsafe(`UPDATE "DemoParent" SET note = 'edited' WHERE id = 'p0'`);
      await db.prisma.$executeRawUnsafe(`DELETE FROM "DemoChild"`);
      const seeded = await seedDemoTables(db.prisma, tables());
      expect(seeded).toEqual({ DemoParent: 0, DemoChild: 2, DemoAudit: 0 });
      const [row] = await db.prisma.$queryRawUnsafe<{ note: string }[]>(`SELECT note FROM "DemoParent" WHERE id = 'p0'`);
      expect(row!.note).toBe('edited');
    });
  });
});
