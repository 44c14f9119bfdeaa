import { ApolloServer } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { createBuilder } from '../src/index.js';
import { createLogger } from '../src/logger.js';
import { maskErrors } from '../src/server/format-error.js';

const builder = createBuilder<object, unknown>({ datamodel: { models: {} } });
builder.queryFields((t) => ({
  day: t.string({ args: { d: t.arg({ type: 'Date', required: true }) }, resolve: (_r, { d }) => d }),
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
});
