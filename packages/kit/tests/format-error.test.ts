import { ApolloServer } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { createBuilder } from '../src/index.js';
import { createLogger } from '../src/logger.js';
import { maskErrors } from '../src/server/format-error.js';

const builder = createBuilder<object, unknown>({ datamodel: { models: {} } });
builder.queryFields((t) => ({
  day: t.string({ args: { d: t.arg({ type: 'Date', required: true }) }, resolve: (_r, { d }) => d }),
  // What node-postgres's pool and Prisma throw when no connection or transaction comes in time.
  poolTimeout: t.string({
    resolve: () => {
      throw new Error('write failed', { cause: new Error('timeout exceeded when trying to connect') });
    },
  }),
  transactionTimeout: t.string({
    resolve: () => {
      throw Object.assign(new Error('Transaction API error'), { code: 'P2028' });
    },
  }),
  bug: t.string({
    resolve: () => {
      throw new TypeError('x is undefined');
    },
  }),
}));
const server = new ApolloServer({ schema: builder.toSchema(), formatError: maskErrors(createLogger('test', 'silent')) });

async function errorsOf(query: string) {
  const res = await server.executeOperation({ query }, { contextValue: {} as never });
  return res.body.kind === 'single' ? res.body.singleResult.errors : undefined;
}

describe('maskErrors', () => {
  it('codes a scalar refusing a literal as BAD_USER_INPUT, not as a validation failure', async () => {
    expect(await errorsOf('{ day(d: "2025-02-30") }')).toEqual([
      { message: 'Date must be a real calendar day like 2026-07-01', extensions: { code: 'BAD_USER_INPUT' } },
    ]);
  });

  it('keeps other validation failures as they are', async () => {
    expect((await errorsOf('{ nope }'))?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('tells a busy database apart from a bug: retryable, nothing recorded', async () => {
    for (const field of ['poolTimeout', 'transactionTimeout']) {
      const [error] = (await errorsOf(`{ ${field} }`))!;
      expect(error).toMatchObject({ extensions: { code: 'SUBGRAPH_UNAVAILABLE', retryable: true } });
      expect(error!.message).toMatch(/busy; nothing was recorded/);
    }
    expect(await errorsOf('{ bug }')).toEqual([{ message: 'Internal server error', path: ['bug'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
  });
});
