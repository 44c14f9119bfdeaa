// npm run config:docs: writes the README's environment reference from the configuration schemas
// (packages/kit/src/config/); `-- --check` only says whether it is current (CI, like compose --check).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withEnvironmentTable } from '@shequ/kit/config/docs';
import { repoRoot } from '@shequ/kit/paths';

const readmePath = path.join(repoRoot, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const updated = withEnvironmentTable(readme);

if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error("config:docs: README.md's environment reference is out of date; run `npm run config:docs`");
    process.exit(1);
  }
  console.log("config:docs: README.md's environment reference is current");
} else if (updated === readme) {
  console.log('config:docs: README.md already current');
} else {
  writeFileSync(readmePath, updated);
  console.log('config:docs: wrote the environment reference into README.md');
}
