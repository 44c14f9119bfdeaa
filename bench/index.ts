// npm run bench [-- <name> [arguments]]: one benchmark (evaluations, gateway, live, startup), or without a
// name every benchmark but startup (which needs ports 4000-4005). Each runs as its own process:
// they start hubs and exit when done.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@shequ/kit/paths';

const [name, ...args] = process.argv.slice(2);
const names = name ? [name] : ['evaluations', 'gateway', 'live'];
let failed = false;
for (const bench of names) {
  const file = path.join(repoRoot, 'bench', `${bench}.ts`);
  if (!existsSync(file)) {
    console.error(`no benchmark "${bench}"; there are: evaluations, gateway, live, startup`);
    process.exit(2);
  }
  const run = spawnSync(process.execPath, ['--import', 'tsx', file, ...args], { stdio: 'inherit', cwd: repoRoot });
  failed ||= run.status !== 0;
}
process.exit(failed ? 1 : 0);
