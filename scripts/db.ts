// npm run db -- <subgraph|all> migrate dev [--name <name>] | migrate deploy | migrate status | drift
// Offline equivalents of `prisma migrate`, through the WASM schema engine.
import { parseArgs } from 'node:util';
import {
  applyMigrations,
  createMigration,
  defaultLockWaitMs,
  databaseTarget,
  dataRoot,
  DatabaseConfigError,
  describeTarget,
  migrationStatus,
  openAdapters,
  openPGlite,
  pendingSchemaChange,
  pgliteAdapterFactory,
  prismaProject,
} from '@shequ/kit';
import { loadOrExit, parseConfig } from '@shequ/kit/config/define';
import { dbConfig } from '@shequ/kit/config/tools';
import { loadSubgraph, subgraphNames } from './subgraphs.js';

// DATABASE_URL and DATABASE_SCHEMA, parsed as the subgraphs parse them: a bad value is one line, now.
const database = loadOrExit('npm run db', () => parseConfig(dbConfig, process.env));

const usage = 'usage: npm run db -- <subgraph|all> migrate dev [--name <name>] | migrate deploy | migrate status | drift';
const { positionals, values } = parseArgs({ allowPositionals: true, options: { name: { type: 'string' } } });
const [which, command, sub] = positionals;
const valid = command === 'drift' || (command === 'migrate' && ['dev', 'deploy', 'status'].includes(sub ?? ''));
if (!which || !valid) {
  console.error(usage);
  process.exit(2);
}

/** A throwaway in-memory PGlite: the engine replays the migrations there to compare them with schema.prisma. */
const scratch = async () => pgliteAdapterFactory(await openPGlite(null, dataRoot), dataRoot);

async function run(name: string): Promise<boolean> {
  const project = prismaProject((await loadSubgraph(name)).prismaDir);
  if (command === 'drift') {
    const sql = await pendingSchemaChange(await scratch(), project);
    if (!sql.trim()) {
      console.log(`${name}: migrations match schema.prisma`);
      return true;
    }
    console.error(`${name}: schema.prisma has changes that no migration covers; run \`npm run db -- ${name} migrate dev --name <name>\`:\n${sql}`);
    return false;
  }
  if (sub === 'dev') {
    const created = await createMigration(await scratch(), project, values.name ?? 'change');
    console.log(created ? `${name}: created prisma/migrations/${created}` : `${name}: schema.prisma matches the migrations; nothing to create`);
  }
  const target = databaseTarget(name, database, dataRoot);
  const adapters = await openAdapters(target);
  try {
    if (sub === 'status') {
      const status = await migrationStatus(adapters.migrations, project);
      const state = status.problem ?? (status.pending.length ? `pending: ${status.pending.join(', ')}` : 'up to date');
      console.log(`${name} (${describeTarget(target)}): ${state}`);
      return !status.problem && status.pending.length === 0;
    }
    // Under the same lock as the replicas' own start (a migration Job beside starting pods).
    const applied = await adapters.exclusive(
      'migrate',
      { waitMs: defaultLockWaitMs, why: 'migrations are to be applied', onWait: (holder) => console.log(`${name}: waiting for ${holder}, which is migrating`) },
      () => applyMigrations(adapters.migrations, project),
    );
    console.log(`${name} (${describeTarget(target)}): ${applied.length ? `applied ${applied.join(', ')}` : 'already up to date'}`);
    return true;
  } finally {
    await adapters.close();
  }
}

let ok = true;
try {
  for (const name of which === 'all' ? subgraphNames() : [which]) ok = (await run(name)) && ok;
} catch (err) {
  console.error(err instanceof DatabaseConfigError ? err.message : err);
  ok = false;
}
// The schema engine leaves a timer behind; a one-shot command exits explicitly.
process.exit(ok ? 0 : 1);
