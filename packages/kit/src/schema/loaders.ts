import DataLoader from 'dataloader';

/** Keys one batched statement takes at most; the IN lists stay far below PostgreSQL's 65,535 parameters. */
export const maxKeysPerStatement = 10_000;

/**
 * Per-request DataLoaders, created on first use and dropped with the request, so that the
 * gateway asking for 112 entities costs one SQL statement and no data leaks between callers.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>): DataLoader<K, V> {
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      // One statement per request for every list the gateway lets through: a larger demo
      // district (SHEQU_DEMO_SCALE=20: 2,240 communities) included. The cap only keeps an
      // absurd key list from becoming one enormous statement.
      loader = new DataLoader<K, V>(batch, { maxBatchSize: maxKeysPerStatement });
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }

  /** One row per key, looked up by `key` of the rows a single query returns (null when absent). */
  byKey<K, V>(name: string, key: (row: V) => K, fetch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V | null> {
    return this.get<K, V | null>(name, async (keys) => {
      const rows = await fetch(keys);
      const index = new Map(rows.map((r) => [key(r), r]));
      return keys.map((k) => index.get(k) ?? null);
    });
  }

  /** All rows per key (one-to-many), grouped from a single query. */
  groupedBy<K, V>(name: string, key: (row: V) => K, fetch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V[]> {
    return this.get<K, V[]>(name, async (keys) => {
      const rows = await fetch(keys);
      const groups = new Map<K, V[]>(keys.map((k) => [k, []]));
      for (const row of rows) groups.get(key(row))?.push(row);
      return keys.map((k) => groups.get(k) ?? []);
    });
  }
}
