// A partner brings its own stack: src/ uses Apollo, graphql and Node's standard library only,
// nothing of the hub's.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const srcDir = new URL('../src/', import.meta.url);
const files = readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
const allowed = /^(node:|\.\.?\/|@apollo\/server(\/|$)|@apollo\/subgraph$|graphql$)/;

describe('src/ imports', () => {
  it.each(files)('%s imports only Apollo, graphql, node: and its own modules', (file) => {
    const source = readFileSync(new URL(file, srcDir), 'utf8');
    const specifiers = [...source.matchAll(/(?:^|\s)(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)].map(
      (m) => m[1] ?? m[2],
    );
    expect(specifiers.filter((s) => !allowed.test(s!))).toEqual([]);
  });
});
