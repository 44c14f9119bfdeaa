// npm run bench [-- <name> [arguments]]: one benchmark, or without a name every one. Each runs as
// its own process: they start hubs on free ports and exit when done.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '@shequ/kit/paths';

const benchmarks = ['startup', 'gateway', 'dashboard', 'dashboard-sql', 'evaluations', 'live'];
const [name, ...args] = process.argv.slice(2);
if (name && !benchmarks.includes(name)) {
  console.error(`no benchmark "${name}"; there are: ${benchmarks.join(', ')}`);
  process.exit(2);
}
let failed = false;
for (const bench of name ? [name] : benchmarks) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'bench', `${bench}.ts`), ...args], { stdio: 'inherit', cwd: repoRoot });
  failed ||= run.status !== 0;
}
process.exit(failed ? 1 : 0);
