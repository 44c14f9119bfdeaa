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

describe('Fen', () => {
  const fenBuilder = createBuilder<object, unknown>({ datamodel: { models: {} } });
  fenBuilder.queryFields((t) => ({
    echo: t.field({ type: 'Fen', args: { f: t.arg({ type: 'Fen', required: true }) }, resolve: (_r, { f }) => f }),
    big: t.field({ type: 'Fen', args: { f: t.arg.string({ required: true }) }, resolve: (_r, { f }) => BigInt(f) }),
  }));
  const fenSchema = fenBuilder.toSchema();
  const ask = (source: string, variableValues?: Record<string, unknown>) => graphql({ schema: fenSchema, source, variableValues, contextValue: {} });

  it('carries amounts past 2^31 exactly, from literals, variables and bigint results', async () => {
    expect((await ask('{ echo(f: 5000000000) }')).data).toEqual({ echo: 5_000_000_000 });
    expect((await ask('query($f: Fen!) { echo(f: $f) }', { f: Number.MAX_SAFE_INTEGER })).data).toEqual({ echo: Number.MAX_SAFE_INTEGER });
    expect((await ask('{ big(f: "-123456789012") }')).data).toEqual({ big: -123_456_789_012 });
  });

  it('refuses fractions, strings, negatives and unsafe integers with BAD_USER_INPUT', async () => {
    for (const bad of [1.5, '100', -1, 2 ** 53, Number.NaN]) {
      const res = await ask('query($f: Fen!) { echo(f: $f) }', { f: bad });
      expect(res.errors?.[0]?.extensions?.code, String(bad)).toBe('BAD_USER_INPUT');
    }
    for (const literal of ['1.5', '"100"', '-1', '9007199254740993']) {
      expect((await ask(`{ echo(f: ${literal}) }`)).errors?.[0]?.message, literal).toMatch(/Fen must/);
    }
  });

  it('refuses to output an amount it cannot represent exactly', async () => {
    expect((await ask('{ big(f: "9007199254740993") }')).errors?.[0]?.message).toMatch(/cannot represent/);
  });

  it('describes itself in English and Chinese', () => {
    expect(fenSchema.getType('Fen')?.description).toMatch(/fen \(1\/100 yuan\).*分/);
  });
});
