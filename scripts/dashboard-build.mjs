// The web dashboard's build (dashboard/ → dashboard/dist, Vite, offline), made by `npm install`
// (postinstall) and kept current by `npm start`: a build whose sources are unchanged is reused
// (a hash of them is kept beside it), so a later start costs a few milliseconds, not a build.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const dashboardDir = path.join(root, 'dashboard');
const distDir = path.join(dashboardDir, 'dist');
const stampFile = path.join(distDir, '.source-hash');
const sources = ['src', 'index.html', 'vite.config.ts', 'package.json', 'tsconfig.json', 'public'];

function* files(entry) {
  if (!existsSync(entry)) return;
  if (statSync(entry).isDirectory()) for (const name of readdirSync(entry).sort()) yield* files(path.join(entry, name));
  else yield entry;
}

function sourceHash() {
  const hash = createHash('sha256');
  for (const source of sources) {
    for (const file of files(path.join(dashboardDir, source)))
      hash.update(path.relative(dashboardDir, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Builds the dashboard unless its build is current; returns what it did. */
export function ensureDashboardBuilt({ log = console.log } = {}) {
  if (!existsSync(path.join(dashboardDir, 'package.json'))) return 'absent';
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) return 'no-vite';
  const hash = sourceHash();
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash && existsSync(path.join(distDir, 'index.html'))) return 'current';
  const started = Date.now();
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: dashboardDir,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`the dashboard did not build:\n${result.stdout}${result.stderr}`);
  writeFileSync(stampFile, hash);
  log(`dashboard: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 'built';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    ensureDashboardBuilt();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
