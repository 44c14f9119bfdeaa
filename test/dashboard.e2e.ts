// The web dashboard at `/` in a real browser (Debian's Chromium, playwright-core), against the whole
// federation behind a gateway with trusted documents on, with every request that would leave
// 127.0.0.1 refused: the live scoreboard moves when a ballot is cast through the API (no reload,
// no polling: graphql-ws), staff are ranked and targets below the minimum reveal nothing, the
// overview's counts, the rectification cases, the commitments and the tasks' money are the API's,
// the language switch is remembered. Screenshots go to test-results/dashboard/.
import path from 'node:path';
import { repoRoot } from '@shequ/kit/paths';
import type { TestFederation } from '@shequ/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digits, hasChromium, startCuttableLink, startDashboardHub, type DashboardHub } from './dashboard-browser.js';
import { admin, cast, levels, openCampaign, rep } from './evaluations-helpers.js';

const campaign = 'campaign-2026-h2';
const criteria = ['attitude', 'efficiency', 'commitments', 'support'];

let d: DashboardHub;
let hub: TestFederation;
let shots: string;
let leftLocalhost: string[];
let sentToGateway: string[];
const open = (route: string): Promise<Page> => d.open(route);
const ballotsCast = async (page: Page) => digits((await page.getByTestId('ballots-cast').innerText()).split('/')[0]!);

/** A ballot from a representative of the community who has not scored the target yet: one more, not a replacement. */
async function castNewBallot(communityId: string, target: string): Promise<void> {
  for (let n = 1; n <= 15; n++) {
    const res = await cast(hub, rep(communityId, n), campaign, target, levels(criteria, [5, 4, 4, 5]));
    expect(res.errors).toBeUndefined();
    if (res.data?.castBallot.replacedPrevious === false) return;
  }
  throw new Error(`every representative of ${communityId} has scored ${target} already`);
}

describe.skipIf(!hasChromium)('the dashboard in a browser, offline', () => {
  beforeAll(async () => {
    d = await startDashboardHub('dashboard');
    // The tests' own API calls go through an ordinary gateway; the page through the trusted one.
    hub = d.api;
    ({ shots, leftLocalhost, sentToGateway } = d);
  }, 240_000);
  afterAll(async () => {
    await d?.close();
  });

  it('shows the live scoreboard, and a ballot cast through the API moves it without a reload', async () => {
    const page = await open(`#/scoreboard/${campaign}`);
    await page.locator('[data-testid="connection"][data-state="live"]').waitFor({ timeout: 30_000 });
    const cell = page.getByTestId('ballots-cast');
    await expect.poll(async () => digits((await cell.innerText()).split('/')[0]!), { timeout: 15_000 }).toBeGreaterThan(0);
    const before = digits((await cell.innerText()).split('/')[0]!);
    await page.screenshot({ path: path.join(shots, 'scoreboard.png'), fullPage: true });

    await castNewBallot('community-qianjin-08', 'dept-culture');
    await expect.poll(async () => digits((await cell.innerText()).split('/')[0]!), { timeout: 15_000 }).toBe(before + 1);
    const departments = (await hub.query<{ departments: { id: string }[] }>('{ departments { id } }')).data!.departments;
    expect(await page.getByTestId('ranking-DEPARTMENT').locator('tbody tr').count()).toBe(departments.length);
    // Beside each department's score, its commitments as its communities judged them (departments' record, through federation).
    const promised = (
      await hub.query<{ department: { commitmentCounts: { kept: number; broken: number } } }>(
        '{ department(id: "dept-civil-affairs") { commitmentCounts { kept broken } } }',
      )
    ).data!.department.commitmentCounts;
    const promisesCell = page.locator('[data-testid="ranking-DEPARTMENT"] tr[data-target="dept-civil-affairs"] [data-field="promises"]');
    expect([await promisesCell.getAttribute('data-kept'), await promisesCell.getAttribute('data-broken')]).toEqual([
      String(promised.kept),
      String(promised.broken),
    ]);
    await page.screenshot({ path: path.join(shots, 'scoreboard-after-ballot.png'), fullPage: true });
    await page.close();
    expect(leftLocalhost).toEqual([]);
  });

  it('shows the connection dropping, reconnects by itself and shows at once the ballots cast meanwhile', async () => {
    const link = await startCuttableLink(d.base);
    try {
      const page = await d.openAt(link.origin, `#/scoreboard/${campaign}`);
      const badge = page.getByTestId('connection');
      await page.locator('[data-testid="connection"][data-state="live"]').waitFor({ timeout: 30_000 });
      await expect.poll(() => ballotsCast(page), { timeout: 15_000 }).toBeGreaterThan(0);
      const before = await ballotsCast(page);

      link.cut();
      await expect.poll(() => badge.getAttribute('data-state'), { timeout: 15_000 }).toMatch(/reconnecting|connecting/);
      await castNewBallot('community-qianjin-07', 'dept-culture');
      await page.screenshot({ path: path.join(shots, 'scoreboard-reconnecting.png') });
      expect(await ballotsCast(page)).toBe(before);

      link.restore();
      await expect.poll(() => badge.getAttribute('data-state'), { timeout: 30_000 }).toBe('live');
      await expect.poll(() => ballotsCast(page), { timeout: 15_000 }).toBe(before + 1);
      await page.close();
    } finally {
      await link.close();
    }
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
    const closed = (await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')))).map(
      (st) => st === 'VERIFIED' || st === 'DISMISSED',
    );
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
    // What counts against each owner is the owner's own record, as its communities assessed it.
    const civil = page.locator('[data-testid="commitment-group"][data-owner="DEPARTMENT:dept-civil-affairs"]');
    const record = (
      await hub.query<{ department: { commitmentCounts: { kept: number; broken: number; pending: number } } }>(
        '{ department(id: "dept-civil-affairs") { commitmentCounts { kept broken pending } } }',
      )
    ).data!.department.commitmentCounts;
    const summary = civil.getByTestId('commitment-summary');
    expect([await summary.getAttribute('data-kept'), await summary.getAttribute('data-broken'), await summary.getAttribute('data-pending')]).toEqual(
      [record.kept, record.broken, record.pending].map(String),
    );
    const assessedCells = await page
      .getByTestId('commitment-assessment')
      .evaluateAll((cells) => cells.map((c) => [Number(c.getAttribute('data-assessed')), Number(c.getAttribute('data-of'))]));
    expect(assessedCells.length).toBeGreaterThan(0);
    expect(assessedCells.every(([n, of]) => of! >= 1 && n! <= of!)).toBe(true);
    expect(assessedCells.some(([n]) => n! > 0)).toBe(true);
    await page.getByTestId('commitments-owner-filter').selectOption('STREET');
    await expect.poll(() => groups.count(), { timeout: 10_000 }).toBe(api.data!.streets.length);
    await page.screenshot({ path: path.join(shots, 'commitments.png') });
    // Service points' promises are in the same system and shown with the others.
    await page.getByTestId('commitments-owner-filter').selectOption('SERVICE_POINT');
    await expect
      .poll(() => page.locator('[data-testid="commitment-group"][data-owner-type="SERVICE_POINT"] [data-testid="commitment-table"]').count(), {
        timeout: 10_000,
      })
      .toBeGreaterThan(0);
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

  it('flags a task whose funding was taken back out of the community ledger', async () => {
    const page = await open('#/tasks');
    const table = page.getByTestId('tasks-table');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const flagsBefore = await table.getByTestId('unfunded-flag').count();

    // A task whose agreed budget reached the ledger, as the API tells it.
    const tasks = await hub.query<{ delegatedTasks: { edges: { node: { id: string; communityId: string; agreedBudgetFen: number | null } }[] } }>(
      '{ delegatedTasks(first: 100) { edges { node { id communityId agreedBudgetFen } } } }',
    );
    let funded: { taskId: string; communityId: string; entryId: string } | undefined;
    for (const { node } of tasks.data!.delegatedTasks.edges.filter((e) => e.node.agreedBudgetFen)) {
      const ledger = await hub.query<{ ledgerEntries: { edges: { node: { id: string; reference: string | null; reversedBy: { id: string } | null } }[] } }>(
        'query($c: ID!) { ledgerEntries(communityId: $c, category: TASK_FUNDING, first: 100) { edges { node { id reference reversedBy { id } } } } }',
        { c: node.communityId },
      );
      const entry = ledger.data!.ledgerEntries.edges.find((e) => e.node.reference === `delegated-task:${node.id}` && !e.node.reversedBy);
      if (entry) funded = { taskId: node.id, communityId: node.communityId, entryId: entry.node.id };
      if (funded) break;
    }
    expect(funded, 'a demo task whose funding is in the ledger').toBeDefined();
    const row = table.locator(`tr[data-task="${funded!.taskId}"]`);
    expect(await row.getAttribute('data-funded')).toBe('true');

    const reversed = await hub.query(
      'mutation($input: ReverseLedgerEntryInput!) { reverseLedgerEntry(input: $input) { id } }',
      { input: { entryId: funded!.entryId, reason: '经费误入其他科目，冲正' } },
      { role: 'COMMITTEE_STAFF', communityId: funded!.communityId, sub: 'clerk-1' },
    );
    expect(reversed.errors).toBeUndefined();
    // Reloaded until it shows: departments learns of the ledger from committees behind the
    // gateway, so its cached answer is not invalidated by a committees write and lives out its
    // TTL (1 s) — the freshness the response cache promises.
    await expect
      .poll(
        async () => {
          await page.reload();
          return table.locator(`tr[data-task="${funded!.taskId}"]`).getAttribute('data-funded');
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe('false');
    expect(await table.locator(`tr[data-task="${funded!.taskId}"]`).getByTestId('unfunded-flag').innerText()).toMatch(/未到账 ¥/);
    expect(await table.getByTestId('unfunded-flag').count()).toBe(flagsBefore + 1);
    await page.screenshot({ path: path.join(shots, 'tasks-unfunded.png'), fullPage: true });
    await page.close();
    expect(leftLocalhost).toEqual([]);
  });

  it('ranks staff assigned to a community, and shows no score for a target below the minimum until enough ballots arrive', async () => {
    const community = 'community-qianjin-08';
    const assigned = await hub.query<{ community: { assignedStaff: { id: string; name: string }[] } }>(
      'query($c: ID!) { community(id: $c) { assignedStaff { id name } } }',
      { c: community },
    );
    const [scored, short] = assigned.data!.community.assignedStaff;
    expect(short, 'two staff assigned to the community').toBeDefined();
    const id = await openCampaign(hub, {
      title: '前进八社区下沉工作人员评议',
      targets: [
        { kind: 'STAFF', id: scored!.id },
        { kind: 'STAFF', id: short!.id },
      ],
      criteria: [{ key: 'attitude', label: '服务态度', weight: 1 }],
      minBallots: 3,
      communityIds: [community],
    });
    const ballot = (n: number, target: string, level: number) => cast(hub, rep(community, n), id, target, [{ criterion: 'attitude', level }]);
    for (const n of [1, 2, 3]) expect((await ballot(n, scored!.id, 5)).errors).toBeUndefined();
    expect((await ballot(4, short!.id, 2)).errors).toBeUndefined();

    // A district administrator sees scores while the campaign runs (signed in by the proxy's header).
    const page = await d.open(`#/scoreboard/${id}`, { extraHTTPHeaders: { authorization: `Bearer ${await d.hub.token(admin)}` } });
    const board = page.getByTestId('ranking-STAFF');
    const score = (staffId: string) => board.locator(`tr[data-target="${staffId}"] [data-field="score"]`).innerText();
    await expect.poll(() => score(scored!.id), { timeout: 30_000 }).toMatch(/^\d+\.\d\d$/);
    expect(await board.locator(`tr[data-target="${scored!.id}"]`).innerText()).toContain(scored!.name);
    expect(await score(short!.id)).toMatch(/不足 3 票/);
    await page.screenshot({ path: path.join(shots, 'scoreboard-staff-below-minimum.png'), fullPage: true });

    // Live results are released in steps of three changed ballots; once one holds three for the
    // second target, its score shows too.
    for (const n of [5, 6, 7]) expect((await ballot(n, short!.id, 3)).errors).toBeUndefined();
    await expect.poll(() => score(short!.id), { timeout: 30_000 }).toMatch(/^\d+\.\d\d$/);
    expect(digits(await board.locator(`tr[data-target="${short!.id}"] [data-field="ballots"]`).innerText())).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: path.join(shots, 'scoreboard-staff.png'), fullPage: true });
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
