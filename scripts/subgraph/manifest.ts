// schema/operations/registry-cli.json, the record of the CLI's documents (operations.ts), in the
// persisted-documents shape the gateway and the registry read: sha256 of the text → the text.
// A test holds the file to this; after changing a document, rewrite it with
//   npx tsx scripts/subgraph/manifest.ts
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { operations } from './operations.ts';

export const manifestFile = fileURLToPath(new URL('../../schema/operations/registry-cli.json', import.meta.url));

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Sorted by hash, so that the file changes only where a document does. */
export function manifestText(): string {
  const entries = Object.values(operations)
    .map(({ document }) => [sha256(document), document] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${JSON.stringify(Object.fromEntries(entries), null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  writeFileSync(manifestFile, manifestText());
  process.stdout.write(`wrote ${path.relative(process.cwd(), manifestFile)}\n`);
}
