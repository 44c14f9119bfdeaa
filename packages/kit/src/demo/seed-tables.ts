// Demo data in bulk. Seeding tens of thousands of rows through createMany takes about ten times
// longer on PGlite than handing PostgreSQL one JSON parameter per few thousand rows and letting
// json_populate_recordset expand it. Only for demo rows built in code: table and column names
// come from our own code, never from user input.

/** The raw-SQL part of a Prisma client (or of an interactive transaction's client). */
export interface RawSqlClient {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

export interface TransactionalSqlClient extends RawSqlClient {
  $transaction<R>(run: (tx: RawSqlClient) => Promise<R>, options?: { maxWait?: number; timeout?: number }): Promise<R>;
}

/** A table's demo rows, objects keyed by column; built only when the table is seeded. */
export interface DemoTable {
  table: string;
  rows: () => readonly object[];
  /** Runs in the same transaction once the rows are in (say, to close a reference cycle). */
  afterInsert?: (tx: RawSqlClient) => Promise<unknown>;
}

/** Builds a value on first use only: demo rows shared by several tables, none built on a restart. */
export const lazy = <T>(make: () => T): (() => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};

/** A demo seed's transaction: a first start on a busy machine may take a while, and nothing else uses the database meanwhile. */
export const demoSeedTransaction = { maxWait: 60_000, timeout: 600_000 } as const;

const rowsPerStatement = 5_000;
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const json = (rows: readonly object[]) => JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));

/**
 * Inserts rows into a table, skipping rows whose key exists (the semantics of createMany with
 * skipDuplicates), one statement per 5,000 rows. A column no row names takes its default; one
 * that only some rows name is NULL in the others.
 * Returns how many rows were inserted.
 */
export async function bulkInsert(db: RawSqlClient, table: string, rows: readonly object[]): Promise<number> {
  if (!rows.length) return 0;
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))].map(quote).join(', ');
  let inserted = 0;
  for (let i = 0; i < rows.length; i += rowsPerStatement) {
    inserted += await db.$executeRawUnsafe(
      `INSERT INTO ${quote(table)} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${quote(table)}, $1::json) ON CONFLICT DO NOTHING`,
      json(rows.slice(i, i + rowsPerStatement)),
    );
  }
  return inserted;
}

/** Whether every one of the tables holds at least one row: one statement. */
export async function tablesFilled(db: RawSqlClient, tables: readonly string[]): Promise<boolean> {
  const checks = tables.map((t) => `EXISTS (SELECT 1 FROM ${quote(t)})`).join(' AND ');
  const [row] = await db.$queryRawUnsafe<{ filled: boolean }[]>(`SELECT ${checks || 'true'} AS filled`);
  return row?.filled === true;
}

/**
 * Seeds demo tables in the order given (parents first), all in one transaction. Because a table
 * is only ever filled whole, a table with rows is complete: a restart that finds every table
 * filled costs one statement and builds no rows. Returns the rows inserted per table, or null
 * when there was nothing to do.
 */
export async function seedDemoTables(db: TransactionalSqlClient, tables: readonly DemoTable[]): Promise<Record<string, number> | null> {
  if (
    await tablesFilled(
      db,
      tables.map((t) => t.table),
    )
  )
    return null;
  return db.$transaction(async (tx) => {
    const inserted: Record<string, number> = {};
    for (const { table, rows, afterInsert } of tables) {
      inserted[table] = await bulkInsert(tx, table, rows());
      await afterInsert?.(tx);
    }
    return inserted;
  }, demoSeedTransaction);
}
