// Core subgraphs follow the repository: schema/<name>.graphql is read at start and every couple of
// seconds, and a new SDL or routing URL becomes a SYNC version. So `npm run compose` still
// reaches a running hub, through the registry, as it did when the gateway watched the file.
import type { BackgroundWorker, Logger } from '@shequ/kit';
import type { DB } from '../db.js';
import type { SubgraphSource } from '@shequ/kit/federation/supergraph';
import { readCoreSubgraphs } from './core.js';
import { readFederation, recordVersion } from './store.js';

export interface CoreSync extends BackgroundWorker {
  /** Resolves once the core subgraphs have been read (and recorded) at least once. */
  ready: Promise<void>;
}

export interface CoreSyncOptions {
  /** The core subgraphs as they should be now. Default: schema/ ({@link readCoreSubgraphs}). */
  read?: () => SubgraphSource[];
  intervalMs?: number;
}

export function startCoreSync(prisma: DB, log: Logger, options: CoreSyncOptions = {}): CoreSync {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let lastError = '';

  async function syncOnce(): Promise<void> {
    const core = (options.read ?? readCoreSubgraphs)();
    for (const source of core) {
      const row = await prisma.registeredSubgraph.upsert({
        where: { name: source.name },
        create: { name: source.name, kind: 'CORE', routingUrl: source.url, registeredBy: 'schema/', currentVersion: null },
        update: {},
      });
      const current =
        row.currentVersion === null
          ? null
          : await prisma.subgraphVersion.findUnique({ where: { subgraphName_version: { subgraphName: row.name, version: row.currentVersion } } });
      if (current?.sdl === source.sdl && row.routingUrl === source.url && row.active) continue;
      const { state } = await readFederation(prisma);
      await recordVersion(prisma, row, state, { action: 'SYNC', sdl: source.sdl, routingUrl: source.url, actor: 'schema/', changes: [] });
      log.info({ subgraph: source.name }, current ? 'core subgraph changed in schema/' : 'core subgraph recorded');
    }
  }

  const tick = () => {
    running = syncOnce().then(
      () => void (lastError = ''),
      (err: unknown) => {
        const message = (err as Error).message;
        if (message !== lastError) log.warn({ err: message }, 'could not read the core subgraphs from schema/; will try again');
        lastError = message;
      },
    );
    return running.finally(() => {
      if (!stopped) timer = setTimeout(tick, options.intervalMs ?? 2_000);
    });
  };
  const ready = tick();
  return {
    ready,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
