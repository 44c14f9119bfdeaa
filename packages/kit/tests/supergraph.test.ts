import { describe, expect, it } from 'vitest';
import { composeSupergraph, validateSupergraph } from '../src/federation/supergraph.js';
import { communitiesSdl, streetsSdl } from '../../../gateway/tests/helpers/fixtures.ts';

const subgraphs = [
  { name: 'streets', url: 'http://127.0.0.1:4101/graphql', sdl: streetsSdl },
  { name: 'communities', url: 'http://127.0.0.1:4102/graphql', sdl: communitiesSdl },
];

describe('composeSupergraph', () => {
  it('composes an entity extended across two subgraphs into a supergraph naming both with their URLs', () => {
    const sdl = composeSupergraph(subgraphs);
    expect(sdl).toMatch(/join__Graph/);
    expect(validateSupergraph(sdl)).toEqual([
      { name: 'communities', url: 'http://127.0.0.1:4102/graphql' },
      { name: 'streets', url: 'http://127.0.0.1:4101/graphql' },
    ]);
  });

  it('throws one error listing every composition problem', () => {
    const clash = `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      type Street @key(fields: "id") { id: ID! name: Int }
      type Query { streetCount: Int }
    `;
    let message = '';
    try {
      composeSupergraph([...subgraphs, { name: 'broken', url: 'http://127.0.0.1:4103/graphql', sdl: clash }]);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Supergraph composition failed with \d+ error\(s\):/);
    expect(message).toMatch(/FIELD_TYPE_MISMATCH.*Street\.name/);
    expect(message).toMatch(/INVALID_FIELD_SHARING.*Street\.name/);
    expect(message.split('\n  - ')).toHaveLength(3);
  });

  it('names the subgraph whose SDL does not parse, and refuses duplicates', () => {
    expect(() => composeSupergraph([{ name: 'bad', url: 'http://x/graphql', sdl: 'type {' }])).toThrow(/subgraph "bad" SDL does not parse/);
    expect(() => composeSupergraph([subgraphs[0]!, subgraphs[0]!])).toThrow(/given twice/);
  });
});

describe('validateSupergraph', () => {
  it('rejects what is not a usable supergraph', () => {
    expect(() => validateSupergraph('')).toThrow(/empty/);
    expect(() => validateSupergraph('type Query {')).toThrow(/Syntax Error/);
    expect(() => validateSupergraph('type Query { a: String }')).toThrow(/not a federation supergraph/);
    expect(() => validateSupergraph('type Query { a: Missing }')).toThrow(/Missing/);
    const truncated = composeSupergraph(subgraphs);
    expect(() => validateSupergraph(truncated.slice(0, Math.floor(truncated.length / 2)))).toThrow();
  });
});
