import { graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createBuilder } from '../src/index.js';

const builder = createBuilder<object, unknown>({ datamodel: { models: {} } });
builder.queryFields((t) => ({
  day: t.string({ args: { d: t.arg({ type: 'Date', required: true }) }, resolve: (_r, { d }) => d }),
  at: t.string({ args: { d: t.arg({ type: 'DateTime', required: true }) }, resolve: (_r, { d }) => d.toISOString() }),
}));
const schema = builder.toSchema();
const run = (source: string) => graphql({ schema, source, contextValue: {} });

describe('scalars', () => {
  it('accepts real calendar days and refuses impossible ones with BAD_USER_INPUT', async () => {
    expect((await run('{ day(d: "2024-02-29") }')).data).toEqual({ day: '2024-02-29' });
    for (const bad of ['2025-02-30', '2025-13-01', '2025-1-1', 'tomorrow']) {
      const res = await run(`{ day(d: "${bad}") }`);
      expect(res.errors?.[0]?.message).toMatch(/real calendar day/);
    }
  });

  it('parses DateTime as an instant and refuses garbage', async () => {
    expect((await run('{ at(d: "2026-07-01T08:00:00+08:00") }')).data).toEqual({ at: '2026-07-01T00:00:00.000Z' });
    expect((await run('{ at(d: "not a time") }')).errors?.[0]?.message).toMatch(/ISO-8601/);
  });
});
