// Every enum value of every core subgraph reads "English — 中文" (src/schema/enum-descriptions.ts),
// checked on the SDL in schema/ (which `npm run compose -- --check` keeps equal to the code).
import { readFileSync } from 'node:fs';
import { buildASTSchema, isEnumType, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { enumValueDescriptions, repoRoot } from '../src/index.js';

const subgraphs = ['committees', 'departments', 'evaluations', 'party', 'registry', 'services'];
const supergraph = readFileSync(`${repoRoot}/schema/supergraph.graphql`, 'utf8');

describe('enum value descriptions', () => {
  it.each(subgraphs)('%s: every enum value is described in English and Chinese', (name) => {
    const sdl = readFileSync(`${repoRoot}/schema/${name}.graphql`, 'utf8');
    const enums = parse(sdl).definitions.filter((d) => d.kind === 'EnumTypeDefinition');
    expect(enums.length).toBeGreaterThan(0);
    for (const e of enums) {
      for (const v of e.values ?? []) {
        expect(v.description?.value, `${e.name.value}.${v.name.value}`).toMatch(/^[^—]*[A-Za-z][^—]* — .*[\u4e00-\u9fff]/);
      }
    }
  });

  it('describes only values that exist, and the supergraph carries the descriptions', () => {
    const schema = buildASTSchema(parse(supergraph), { assumeValidSDL: true });
    for (const [name, values] of Object.entries(enumValueDescriptions)) {
      const type = schema.getType(name);
      expect(isEnumType(type), name).toBe(true);
      if (!isEnumType(type)) continue;
      expect(Object.keys(values).sort(), name).toEqual(
        type
          .getValues()
          .map((v) => v.name)
          .sort(),
      );
      for (const v of type.getValues()) expect(v.description, `${name}.${v.name}`).toBe(values[v.name]);
    }
  });
});
