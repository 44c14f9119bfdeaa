import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQueryable, Transaction } from '@prisma/driver-adapter-utils';

/** Counts SQL statements sent through a driver adapter; tests use it to prove batching. */
export class QueryCounter {
  count = 0;
  reset(): void {
    this.count = 0;
  }
  /** Statements issued while `run` executes. */
  async measure<T>(run: () => Promise<T>): Promise<{ result: T; statements: number }> {
    const before = this.count;
    const result = await run();
    return { result, statements: this.count - before };
  }
}

function countCalls<T extends SqlQueryable>(target: T, counter: QueryCounter): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver);
      if (typeof value !== 'function') return value;
      if (prop === 'queryRaw' || prop === 'executeRaw') {
        return (...args: unknown[]) => {
          counter.count++;
          return (value as (...a: unknown[]) => unknown).apply(obj, args);
        };
      }
      if (prop === 'startTransaction') {
        return async (...args: unknown[]) => countCalls((await (value as (...a: unknown[]) => Promise<Transaction>).apply(obj, args)) as Transaction, counter);
      }
      return (value as (...a: unknown[]) => unknown).bind(obj);
    },
  });
}

export function countingFactory(factory: SqlMigrationAwareDriverAdapterFactory, counter: QueryCounter): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => countCalls<SqlDriverAdapter>(await factory.connect(), counter),
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
}
