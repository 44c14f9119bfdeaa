// The operations real clients send, recorded in schema/operations/*.json: each file either a map
// of sha256 hash → document (Hive / GraphQL Code Generator "persisted documents") or an Apollo
// persisted-query manifest ({ format: "apollo-persisted-query-manifest", operations: [...] }).
// The gateway trusts them (TRUSTED_DOCUMENTS); the registry refuses schema changes that break them.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface RecordedOperation {
  /** The manifest file it is recorded in. */
  file: string;
  hash: string;
  document: string;
}

export class OperationManifestError extends Error {}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Every recorded operation of the manifests in `dir` (none when it does not exist). Throws on a broken manifest. */
export function readRecordedOperations(dir: string): RecordedOperation[] {
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
  return files.flatMap((file) => {
    const where = path.join(dir, file);
    let manifest: unknown;
    try {
      manifest = JSON.parse(readFileSync(where, 'utf8'));
    } catch (error) {
      throw new OperationManifestError(`${where}: not valid JSON (${(error as Error).message})`);
    }
    return entries(manifest, where).map(([hash, document]) => {
      if (sha256(document) !== hash) throw new OperationManifestError(`${where}: ${hash} is not the sha256 of its document`);
      return { file, hash, document };
    });
  });
}

function entries(manifest: unknown, where: string): [string, string][] {
  if (typeof manifest !== 'object' || manifest === null) throw new OperationManifestError(`${where}: not a JSON object`);
  const m = manifest as { format?: unknown; operations?: unknown };
  if (m.format === 'apollo-persisted-query-manifest') {
    if (!Array.isArray(m.operations)) throw new OperationManifestError(`${where}: "operations" must be an array`);
    return m.operations.map((op: { id?: unknown; body?: unknown }) => {
      if (typeof op.id !== 'string' || typeof op.body !== 'string') throw new OperationManifestError(`${where}: every operation needs a string id and body`);
      return [op.id, op.body];
    });
  }
  return Object.entries(manifest).map(([hash, document]) => {
    if (typeof document !== 'string') throw new OperationManifestError(`${where}: the value under ${hash} must be a GraphQL document string`);
    return [hash, document];
  });
}
