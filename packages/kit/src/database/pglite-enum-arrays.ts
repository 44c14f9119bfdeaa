// pglite-prisma-adapter 0.7 hands PGlite a JS array for an enum[] parameter, and PGlite, knowing
// no serialiser for the enum's array type, sends it as its bare elements: "malformed array
// literal". So `vulnerableGroups: { has: 'DISABLED' }` failed on the embedded database while
// PostgreSQL answered. Such arguments go as PostgreSQL array literals instead, which the server
// casts to the parameter's type like any text.
import type { SqlDriverAdapter, SqlQuery } from '@prisma/driver-adapter-utils';

const isEnumList = (type: SqlQuery['argTypes'][number] | undefined) => type?.arity === 'list' && type.scalarType === 'enum';

const element = (value: unknown) => (value === null || value === undefined ? 'NULL' : `"${String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`);

export function enumArraysAsLiterals(query: SqlQuery): SqlQuery {
  if (!query.argTypes.some(isEnumList)) return query;
  return { ...query, args: query.args.map((arg, i) => (Array.isArray(arg) && isEnumList(query.argTypes[i]) ? `{${arg.map(element).join(',')}}` : arg)) };
}

/** The adapter (and every transaction it starts) with enum[] arguments sent as literals. */
export function withEnumArrayLiterals<T extends Pick<SqlDriverAdapter, 'queryRaw' | 'executeRaw'>>(queryable: T): T {
  return new Proxy(queryable, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (property === 'queryRaw' || property === 'executeRaw') return (query: SqlQuery) => value.call(target, enumArraysAsLiterals(query));
      if (property === 'startTransaction') return async (...args: unknown[]) => withEnumArrayLiterals(await value.apply(target, args));
      return value.bind(target);
    },
  });
}
