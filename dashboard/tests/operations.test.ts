import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { operations } from '../src/api/operations.ts';
import { manifestPath, manifestText } from '../scripts/manifest.ts';

describe('dashboard operations manifest', () => {
  const recorded = readFileSync(fileURLToPath(manifestPath), 'utf8');

  it('is what record-operations writes from the module', () => {
    expect(recorded).toBe(manifestText());
  });

  it('holds every document under the sha256 of its exact text', () => {
    const map = JSON.parse(recorded) as Record<string, string>;
    for (const [name, doc] of Object.entries(operations)) {
      const hash = createHash('sha256').update(doc, 'utf8').digest('hex');
      expect(map[hash], name).toBe(doc);
    }
    expect(Object.keys(map)).toHaveLength(new Set(Object.values(operations)).size);
  });

  it('names every operation, each once', () => {
    const names = Object.values(operations).map((d) => /^(?:query|subscription|mutation) (\w+)/.exec(d)?.[1]);
    expect(names.every(Boolean)).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });
});
