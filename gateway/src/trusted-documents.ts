// The operations clients may send (schema/operations/, read by the kit's readRecordedOperations),
// looked up by hash or by their text up to whitespace.
import path from 'node:path';
import { OperationManifestError, readRecordedOperations, sha256, type RecordedOperation } from '@shequ/kit/federation/operations';
import { parse, print } from 'graphql/index.js';
import { SecurityConfigError } from './security-config.ts';

export interface TrustedDocuments {
  readonly size: number;
  /** The document stored under a hash, if any. */
  lookup(hash: string): string | undefined;
  /** True when the text is a manifest document, exactly or up to whitespace and commas. */
  includes(text: string, maxTokens: number): boolean;
}

export { sha256 };

export function loadTrustedDocuments(dir: string): TrustedDocuments {
  const byHash = new Map<string, string>();
  const normalized = new Set<string>();
  let recorded: RecordedOperation[];
  try {
    recorded = readRecordedOperations(dir);
  } catch (error) {
    if (error instanceof OperationManifestError) throw new SecurityConfigError(error.message);
    throw error;
  }
  for (const { file, hash, document } of recorded) {
    byHash.set(hash, document);
    try {
      normalized.add(sha256(print(parse(document))));
    } catch (error) {
      throw new SecurityConfigError(`${path.join(dir, file)}: the document under ${hash} does not parse: ${(error as Error).message}`);
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
