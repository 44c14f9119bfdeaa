// The web dashboard's files at `/`: index.html never cached, hashed assets cached for good, nothing
// outside the build directory, and a clear answer while there is no build.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardSite } from '../src/dashboard-site.ts';

let dir: string;
const servers: http.Server[] = [];

async function serve(root: string): Promise<string> {
  const site = dashboardSite(root);
  const server = http.createServer((req, res) => site(req, res, () => res.writeHead(404).end('not here')));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'shequ-dashboard-'));
  await mkdir(path.join(dir, 'dist', 'assets'), { recursive: true });
  await writeFile(path.join(dir, 'dist', 'index.html'), '<!doctype html><title>shequ</title><script type="module" src="/assets/app-3f9a.js"></script>');
  await writeFile(path.join(dir, 'dist', 'assets', 'app-3f9a.js'), 'console.log("dashboard")');
  await writeFile(path.join(dir, 'secret.txt'), 'outside the build');
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await rm(dir, { recursive: true, force: true });
});

describe('the dashboard at /', () => {
  it('serves index.html uncached with a same-origin policy, and hashed assets for good', async () => {
    const base = await serve(path.join(dir, 'dist'));
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(await page.text()).toContain('<title>shequ</title>');
    const asset = await fetch(`${base}/assets/app-3f9a.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
  });

  it('answers nothing outside the build, nor anything but GET and HEAD', async () => {
    const base = await serve(path.join(dir, 'dist'));
    for (const probe of ['/missing.js', '/../secret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt']) {
      const res = await fetch(`${base}${probe}`);
      expect(`${probe} ${res.status}`).toBe(`${probe} 404`);
    }
    expect((await fetch(`${base}/`, { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('says how to build it while there is no build', async () => {
    const base = await serve(path.join(dir, 'no-build'));
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/npm install builds it/);
    expect((await fetch(`${base}/assets/x.js`)).status).toBe(404);
  });
});
