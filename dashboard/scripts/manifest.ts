import { createHash } from 'node:crypto';
import { operations } from '../src/api/operations.ts';

/** The trusted-documents manifest text for the dashboard's operations: sha256 → document, sorted, 2-space indent, newline. */
export function manifestText(docs: Iterable<string> = Object.values(operations)): string {
  const entries = [...new Set(docs)].map((d) => [createHash('sha256').update(d, 'utf8').digest('hex'), d] as const);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${JSON.stringify(Object.fromEntries(entries), null, 2)}\n`;
}

export const manifestPath = new URL('../../schema/operations/dashboard-web.json', import.meta.url);
