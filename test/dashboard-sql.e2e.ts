// The district dashboard's overview costs every subgraph the same number of SQL statements
// whatever the number of communities: bench/dashboard-sql.ts measured on a demo of 112 and of
// 224 communities (SHEQU_DEMO_SCALE=2), each in a process of its own since the demo's
// geography is fixed per process. The 1,120 communities of scale 10 are measured by the bench
// (bench/RESULTS.md): seeding them takes too long for a test.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '@shequ/kit/paths';
import { describe, expect, it } from 'vitest';

interface Measured {
  scale: number;
  communities: number;
  statements: Record<string, number>;
}

async function measure(scale: number): Promise<Measured> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'bench', 'dashboard-sql.ts'), '--json', '--requests', '1'],
    {
      cwd: repoRoot,
      env: { ...process.env, SHEQU_DEMO_SCALE: String(scale), SHEQU_LOG_LEVEL: 'warn' },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  const line = stdout
    .trim()
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('{"scale"'));
  if (!line) throw new Error(`bench/dashboard-sql.ts printed no result:\n${stdout.slice(-2000)}`);
  return JSON.parse(line) as Measured;
}

describe('the dashboard overview query', () => {
  it('costs each subgraph as many SQL statements for 224 communities as for 112', async () => {
    const one = await measure(1);
    const two = await measure(2);
    console.log(`dashboard statements: 112 communities ${JSON.stringify(one.statements)}, 224 ${JSON.stringify(two.statements)}`);
    expect(one.communities).toBe(112);
    expect(two.communities).toBe(224);
    expect(Object.keys(one.statements).sort()).toEqual(['committees', 'departments', 'party', 'services']);
    expect(two.statements).toEqual(one.statements);
    // One batched lookup per field family, nothing per community.
    for (const n of Object.values(one.statements)) {
      expect(n).toBeGreaterThan(0);
      expect(n).toBeLessThanOrEqual(4);
    }
  }, 300_000);
});
