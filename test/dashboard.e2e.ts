// The web dashboard at `/` in a real browser (Debian's Chromium, playwright-core), against the whole
// federation, with every request that would leave 127.0.0.1 refused: the live scoreboard moves when
// a ballot is cast through the API (no reload, no polling: graphql-ws), the overview's counts, the
// rectification cases and the commitments are the API's, the language switch is remembered.
// Screenshots go to test-results/dashboard/.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '@shequ/kit/paths';
import { startTestFederation, type TestFederation } from '@shequ/testing';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDashboardBuilt } from '../scripts/dashboard-build.mjs';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';
import evaluations from '../subgraphs/evaluations/src/index.js';
import party from '../subgraphs/party/src/index.js';
import services from '../subgraphs/services/src/index.js';
import { cast, levels, rep } from './evaluations-helpers.js';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const shots = path.join(repoRoot, 'test-results', 'dashboard');
const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const campaign = 'campaign-2026-h2';
const criteria = ['attitude', 'efficiency', 'commitments', 'support'];

let hub: TestFederation;
let browser: Browser;
let base: string;
const leftLocalhost: string[] = [];
const sentToGateway: string[] = [];

async function open(route: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.route('**/*', (r) => {
    const url = new URL(r.request().url());
    if (url.hostname !== '127.0.0.1') {
      leftLocalhost.push(url.href);
      return r.abort('internetdisconnected');
    }
    if (url.pathname === '/graphql' && r.request().method() === 'POST') sentToGateway.push(r.request().postData() ?? '');
    return r.continue();
  });
  page.on('websocket', (ws) => {
    if (new URL(ws.url()).hostname !== '127.0.0.1') leftLocalhost.push(ws.url());
  });
  await page.goto(`${base}/${route}`);
  return page;
}

const digits = (text: string) => Number(text.replace(/[^\d]/g, ''));

if (!existsSync(chromiumPath)) console.warn(`SKIPPED: the dashboard browser tests need Debian's chromium at ${chromiumPath} (apt-get install chromium)`);

describe.skipIf(!existsSync(chromiumPath))('the dashboard in a browser, offline', () => {
  beforeAll(async () => {
    await mkdir(shots, { recursive: true });
    ensureDashboardBuilt({ log: () => {} });
    hub = await startTestFederation({ subgraphs: [committees, departments, evaluations, party, services] });
    base = hub.url.replace(/\/graphql$/, '');
    browser = await chromium.launch({ executablePath: chromiumPath, args: flags });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('shows the live scoreboard, and a ballot cast through the API moves it without a reload', async () => {
    const page = await open(`#/scoreboard/${campaign}`);
    await page.locator('[data-testid="connection"][data-state="live"]').waitFor({ timeout: 30_000 });
    const cell = page.getByTestId('ballots-cast');
    await expect.poll(async () => digits((await cell.innerText()).split('/')[0]!), { timeout: 15_000 }).toBeGreaterThan(0);
    const before = digits((await cell.innerText()).split('/')[0]!);
    await page.screenshot({ path: path.join(shots, 'scoreboard.png'), fullPage: true });

    // A representative who has not scored this department yet: a new ballot, not a replacement.
    let added = false;
    for (let n = 1; n <= 15 && !added; n++) {
      const res = await cast(hub, rep('community-qianjin-08', n), campaign, 'dept-culture', levels(criteria, [5, 4, 4, 5]));
      expect(res.errors).toBeUndefined();
      added = res.data?.castBallot.replacedPrevious === false;
    }
    expect(added).toBe(true);
    await expect.poll(async () => digits((await cell.innerText()).split('/')[0]!), { timeout: 15_000 }).toBe(before + 1);
    expect(await page.getByTestId('ranking-DEPARTMENT').locator('tbody tr').count()).toBe(6);
    await page.screenshot({ path: path.join(shots, 'scoreboard-after-ballot.png'), fullPage: true });
    await page.close();
    expect(leftLocalhost).toEqual([]);
  });

  it("lists the district's 13 streets and 112 communities with the API's figures", async () => {
    const page = await open('#/overview');
    const table = page.getByTestId('overview-table');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 30_000 }).toBe(112);
    expect(await page.getByTestId('community-count').innerText()).toMatch(/112[\s\S]*13/);
    const api = await hub.query<{ community: { name: string; population: number } }>('{ community(id: "community-minzu-01") { name population } }');
    const row = table.locator('tbody tr', { hasText: api.data!.community.name });
    await expect.poll(() => row.first().innerText(), { timeout: 15_000 }).toContain(api.data!.community.population.toLocaleString('zh-CN'));
    await page.screenshot({ path: path.join(shots, 'overview.png') });
    await page.close();
    expect(leftLocalhost).toEqual([]);
  });

  it('switches to English and remembers it', async () => {
    const page = await open('#/overview');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('header').innerText(), { timeout: 10_000 }).toMatch(/Jianghan District/);
    await page.reload();
    await expect.poll(() => page.locator('header').innerText(), { timeout: 10_000 }).toMatch(/Jianghan District/);
    await expect.poll(() => page.getByTestId('overview-table').innerText(), { timeout: 30_000 }).toMatch(/Minzu Street/);
    // Only the language is kept in the browser: no token, nothing personal.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).not.toMatch(/eyJ|Bearer|idCard|phone/i);
    await page.screenshot({ path: path.join(shots, 'overview-en.png') });
    await page.close();
    expect(leftLocalhost).toEqual([]);
  });

  it("shows the rectification board: the API's cases, open ones first, the overdue flagged, filterable", async () => {
    const page = await open('#/rectification');
    const table = page.getByTestId('rectification-table');
    const all = await hub.query<{ rectificationCases: { id: string }[] }>('{ rectificationCases { id } }');
    const overdue = await hub.query<{ rectificationCases: { id: string }[] }>('{ rectificationCases(overdue: true) { id } }');
    const appealed = await hub.query<{ rectificationCases: { id: string }[] }>('{ rectificationCases(status: APPEALED) { id } }');
    expect(all.data!.rectificationCases.length).toBeGreaterThan(0);
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 30_000 }).toBe(all.data!.rectificationCases.length);
    expect(await table.locator('[data-testid="overdue-flag"]').count()).toBe(overdue.data!.rectificationCases.length);
    const closed = (await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')))).map((st) => st === 'VERIFIED' || st === 'DISMISSED');
    expect(closed.indexOf(true) === -1 || closed.slice(closed.indexOf(true)).every(Boolean)).toBe(true);
    await page.getByTestId('rectification-status-filter').selectOption('APPEALED');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 10_000 }).toBe(appealed.data!.rectificationCases.length);
    await page.screenshot({ path: path.join(shots, 'rectification.png'), fullPage: true });
    await page.close();
    expect(leftLocalhost).toEqual([]);
  });

  it('shows what each department, street and service point promised, grouped by who promised it', async () => {
    const page = await open('#/commitments');
    const groups = page.getByTestId('commitment-group');
    const api = await hub.query<{ departments: { id: string }[]; streets: { id: string }[] }>('{ departments { id } streets { id } }');
    await page.getByTestId('commitments-owner-filter').selectOption('DEPARTMENT');
    await expect.poll(() => groups.count(), { timeout: 30_000 }).toBe(api.data!.departments.length);
    await page.getByTestId('commitments-owner-filter').selectOption('STREET');
    await expect.poll(() => groups.count(), { timeout: 10_000 }).toBe(api.data!.streets.length);
    await page.screenshot({ path: path.join(shots, 'commitments.png') });
    await page.close();
    expect(leftLocalhost).toEqual([]);
  });

  it('shows the delegated tasks and the money that followed them, per proposing department or street', async () => {
    const page = await open('#/tasks');
    const api = await hub.query<{ delegatedTasks: { edges: { node: { proposerType: string; proposerId: string } }[] } }>(
      '{ delegatedTasks(first: 100) { edges { node { id proposerType proposerId } } } }',
    );
    const tasks = api.data!.delegatedTasks.edges.map((e) => e.node);
    expect(tasks.length).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('tasks-table').locator('tbody tr').count(), { timeout: 30_000 }).toBe(tasks.length);
    const units = new Set(tasks.map((t) => `${t.proposerType}:${t.proposerId}`));
    expect(await page.getByTestId('department-funds-table').locator('tbody tr').count()).toBe(units.size);
    await page.screenshot({ path: path.join(shots, 'tasks.png'), fullPage: true });
    await page.close();
    expect(leftLocalhost).toEqual([]);
  });

  it('sends only operations recorded in schema/operations', async () => {
    const { readRecordedOperations } = await import('@shequ/kit/federation/operations');
    const recorded = new Set(readRecordedOperations(path.join(repoRoot, 'schema', 'operations')).map((o) => o.document));
    expect(sentToGateway.length).toBeGreaterThan(0);
    for (const body of sentToGateway) {
      const { query } = JSON.parse(body) as { query?: string };
      expect(recorded.has(query ?? ''), query).toBe(true);
    }
  });
});
