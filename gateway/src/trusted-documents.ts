// The manifest of operations clients may send: JSON files in schema/operations/, each either a
// map of sha256 hash → document (Hive / GraphQL Code Generator "persisted documents") or an Apollo
// persisted-query manifest ({ format: "apollo-persisted-query-manifest", operations: [...] }).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, print } from 'graphql/index.js';
import { SecurityConfigError } from './security-config.ts';

export interface TrustedDocuments {
  readonly size: number;
  /** The document stored under a hash, if any. */
  lookup(hash: string): string | undefined;
  /** True when the text is a manifest document, exactly or up to whitespace and commas. */
  includes(text: string, maxTokens: number): boolean;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function loadTrustedDocuments(dir: string): TrustedDocuments {
  const byHash = new Map<string, string>();
  const normalized = new Set<string>();
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
  for (const file of files) {
    const where = path.join(dir, file);
    let manifest: unknown;
    try {
      manifest = JSON.parse(readFileSync(where, 'utf8'));
    } catch (error) {
      throw new SecurityConfigError(`${where}: not valid JSON (${(error as Error).message})`);
    }
    for (const [hash, document] of entries(manifest, where)) {
      if (sha256(document) !== hash) throw new SecurityConfigError(`${where}: ${hash} is not the sha256 of its document`);
      byHash.set(hash, document);
      try {
        normalized.add(sha256(print(parse(document))));
      } catch (error) {
        throw new SecurityConfigError(`${where}: the document under ${hash} does not parse: ${(error as Error).message}`);
      }
    }
  }
  return {
    size: byHash.size,
    lookup: (hash) => byHash.get(hash),
    includes(text, maxTokens) {
      if (byHash.has(sha256(text))) return true;
      try {
        return normalized.has(sha256(print(parse(text, { maxTokens }))));
      } catch {
        return false; // unparsable or too long: certainly not trusted
      }
    },
  };
}

function entries(manifest: unknown, where: string): [string, string][] {
  if (typeof manifest !== 'object' || manifest === null) throw new SecurityConfigError(`${where}: not a JSON object`);
  const m = manifest as { format?: unknown; operations?: unknown };
  if (m.format === 'apollo-persisted-query-manifest') {
    if (!Array.isArray(m.operations)) throw new SecurityConfigError(`${where}: "operations" must be an array`);
    return m.operations.map((op: { id?: unknown; body?: unknown }) => {
      if (typeof op.id !== 'string' || typeof op.body !== 'string') throw new SecurityConfigError(`${where}: every operation needs a string id and body`);
      return [op.id, op.body];
    });
  }
  return Object.entries(manifest).map(([hash, document]) => {
    if (typeof document !== 'string') throw new SecurityConfigError(`${where}: the value under ${hash} must be a GraphQL document string`);
    return [hash, document];
  });
}
