// Writes schema/operations/dashboard-web.json from src/api/operations.ts, so the gateway's
// trusted documents and the registry's partner checks know every document the dashboard sends.
// Run: npx tsx dashboard/scripts/record-operations.ts [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { manifestPath, manifestText } from './manifest.ts';

const text = manifestText();
const path = fileURLToPath(manifestPath);
let current = '';
try {
  current = readFileSync(path, 'utf8');
} catch {
  /* first run */
}
if (process.argv.includes('--check')) {
  if (current !== text) {
    console.error(`${path} is not current: run npx tsx dashboard/scripts/record-operations.ts`);
    process.exit(1);
  }
  console.log(`${path} is current`);
} else if (current === text) {
  console.log(`${path} unchanged`);
} else {
  writeFileSync(path, text);
  console.log(`wrote ${path} (${Object.keys(JSON.parse(text) as object).length} operations)`);
}
