import { describe as group, expect, it } from 'vitest';
import { defineConfig, parseConfig } from '../../src/config/define.ts';
import { environmentTable } from '../../src/config/docs.ts';
import { integer, text } from '../../src/config/kinds.ts';
import { type ConfigError, withoutCredentials } from '../../src/config/problems.ts';
import { describe, withDefault } from '../../src/config/variable.ts';

// A secret of a kind that can be wrong (the hub's own secrets are free text today): what the
// message mechanism does with any secret.
const pinConfig = defineConfig({
  process: 'example',
  variables: {
    PIN: describe(withDefault(integer({ min: 1000, max: 9999 }), 1234), { description: 'secret: a PIN', default: '1234', secret: true }),
    NAME: describe(text(), { description: 'a name' }),
  },
  build: (v) => v,
});

function lines(env: Record<string, string>): string[] {
  try {
    parseConfig(pinConfig, env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
}

group('secrets in messages and docs', () => {
  it('names the variable and what it expects, never the value given', () => {
    expect(lines({ PIN: '98765' })).toEqual(['PIN must be a whole number from 1000 to 9999, not the value given (not shown: it is secret)']);
    expect(lines({ PIN: '98765' }).join()).not.toContain('98765');
  });

  it('drops the credentials of a URL, keeping the rest', () => {
    expect(withoutCredentials('postgresql://shequ:s3cret@db.example:5432/shequ')).toBe('postgresql://***@db.example:5432/shequ');
    expect(withoutCredentials('redis://:s3cret@cache:6379')).toBe('redis://***@cache:6379');
    expect(withoutCredentials('http://127.0.0.1:4000/graphql?next=a@b')).toBe('http://127.0.0.1:4000/graphql?next=a@b');
  });

  it('never documents a secret default', () => {
    const table = environmentTable([pinConfig]);
    expect(table).toContain('| `PIN` | example | — | secret: a PIN |');
    expect(table).not.toContain('1234');
  });

  it('says in the README that every secret of the hub is one', () => {
    for (const row of environmentTable()
      .split('\n')
      .filter((r) => /SECRET|_TOKEN`|DATA_KEY/.test(r.split('|')[1] ?? ''))) {
      const [, , fallback, description] = row.split(' | ');
      expect(description, row).toMatch(/^secret: /);
      expect(fallback, row).toBe('—');
    }
  });
});
