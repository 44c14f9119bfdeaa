// Who the dashboard shows you as, and what it then shows, in a real browser against the whole
// federation (trusted documents on, every request that would leave 127.0.0.1 refused): a pasted
// token (typed with the keyboard only), the Authorization header a sign-in proxy adds, a token
// the hub refuses; the community page a district leader drills down to, with the parts only the
// community's own staff may see; and every view on a phone's width. Screenshots go to
// test-results/dashboard-session/.
import path from 'node:path';
import { issueToken, type TokenClaims } from '@shequ/kit';
import type { TestFederation } from '@shequ/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, overflowsSideways, startDashboardHub, type DashboardHub } from './dashboard-browser.js';
import { admin } from './evaluations-helpers.js';

// One with delegated tasks, one with service points and requests, in the demo data.
const community = 'community-hanxing-05';
const clerk: TokenClaims = { role: 'COMMITTEE_STAFF', communityId: community, sub: 'clerk-hanxing-05' };
const served = 'community-minquan-01';
const servedClerk: TokenClaims = { role: 'COMMITTEE_STAFF', communityId: served, sub: 'clerk-minquan-01' };

let d: DashboardHub;
let api: TestFederation;
const asProxy = async (claims: TokenClaims) => ({ extraHTTPHeaders: { authorization: `Bearer ${await d.hub.token(claims)}` } });

describe.skipIf(!hasChromium)('signing in to the dashboard, and the community page', () => {
  beforeAll(async () => {
    d = await startDashboardHub('dashboard-session');
    api = d.api;
  }, 240_000);
  afterAll(async () => {
    await d?.close();
  });

  it('signs in with a pasted token using the keyboard alone, shows the role the hub verified, keeps the token out of storage, signs out', async () => {
    const page = await d.open('#/');
    await page.getByTestId('anonymous').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('.note', { hasText: '得分仅对区管理员' }).count(), { timeout: 30_000 }).toBe(1);
    const token = await d.hub.token(admin);
    await page.getByRole('button', { name: '登录' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type(`Bearer ${token}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('signed-in').innerText(), { timeout: 15_000 }).toBe('区级管理员');
    expect(await page.getByTestId('signed-in').getAttribute('data-via')).toBe('token');
    // An administrator sees the running campaign's scores.
    await expect.poll(() => page.locator('.note', { hasText: '得分仅对区管理员' }).count(), { timeout: 15_000 }).toBe(0);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage, cookie: document.cookie, url: location.href }));
    expect(stored).not.toContain(token.slice(-20));
    await page.screenshot({ path: path.join(d.shots, 'signed-in-token.png') });
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByTestId('anonymous').waitFor({ timeout: 10_000 });
    await page.close();
    expect(d.leftLocalhost).toEqual([]);
  });

  it('says when the hub refuses a pasted token (garbage or expired), drops it and goes on with public data', async () => {
    const page = await d.open('#/overview');
    const expired = await issueToken(admin, (d.hub.secrets.jwt as { secret: string }).secret, { expiresIn: '-1m' });
    for (const bad of ['not-a-token', expired]) {
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByPlaceholder('访问令牌').fill(bad);
      await page.getByPlaceholder('访问令牌').press('Enter');
      const refused = page.getByTestId('signin-refused');
      await refused.waitFor({ timeout: 15_000 });
      expect(await refused.getAttribute('data-refusal')).toBe('token');
      expect(await refused.innerText()).toMatch(/访问令牌无效或已过期/);
      expect(await page.getByTestId('anonymous').count()).toBe(1);
      await expect.poll(() => page.getByTestId('overview-table').locator('tbody tr').count(), { timeout: 30_000 }).toBe(112);
    }
    await page.screenshot({ path: path.join(d.shots, 'token-refused.png') });
    await page.close();
  });

  it('behind a sign-in proxy, shows the role and unit from the header the proxy adds, and what that role may see', async () => {
    const page = await d.open(`#/community/${served}`, await asProxy(servedClerk));
    const who = page.getByTestId('signed-in');
    const name = (await api.query<{ community: { name: string } }>('query($c: ID!) { community(id: $c) { name } }', { c: served })).data!.community.name;
    await expect.poll(() => who.innerText(), { timeout: 30_000 }).toContain(`社区工作者 · ${name}`);
    expect(await who.getAttribute('data-via')).toBe('proxy');
    expect(await page.getByRole('button', { name: '退出' }).count()).toBe(0);

    // The community's own requests, as its clerk is allowed to see them.
    const requests = await api.query<{ community: { serviceRequests: { id: string }[] } }>(
      'query($c: ID!) { community(id: $c) { serviceRequests(first: 20) { id } } }',
      { c: served },
      servedClerk,
    );
    expect(requests.errors).toBeUndefined();
    const expected = requests.data!.community.serviceRequests.length;
    expect(expected).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('requests-table').locator('tbody tr').count(), { timeout: 30_000 }).toBe(expected);
    await page.screenshot({ path: path.join(d.shots, 'community-as-clerk.png'), fullPage: true });

    // Another community's requests stay closed to this clerk.
    await page.goto(`${d.base}/#/community/community-minzu-01`);
    await page.getByTestId('requests-refused').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('requests-table').count()).toBe(0);
    await page.close();

    const refusedProxy = await d.open('#/overview', { extraHTTPHeaders: { authorization: 'Bearer not-a-token' } });
    await refusedProxy.getByTestId('signin-refused').waitFor({ timeout: 30_000 });
    expect(await refusedProxy.getByTestId('signin-refused').getAttribute('data-refusal')).toBe('proxy');
    await refusedProxy.close();
    expect(d.leftLocalhost).toEqual([]);
  });

  it("drills down from the overview to a community's four organisations, elections, ledger, requests and delegated tasks", async () => {
    // More ledger entries than one page holds, booked by the community's clerk.
    const record = 'mutation($input: RecordLedgerEntryInput!) { recordLedgerEntry(input: $input) { id } }';
    for (let i = 0; i < 12; i++) {
      const res = await api.query(
        record,
        {
          input: {
            communityId: community,
            category: 'SPENDING',
            amountFen: 20_000 + i * 100,
            source: '社区老年食堂',
            purpose: `高龄老人助餐补贴（第${i + 1}批）`,
            occurredOn: '2026-11-20',
          },
        },
        clerk,
      );
      expect(res.errors).toBeUndefined();
    }
    const truth = await api.query<{
      community: {
        name: string;
        electionRounds: { id: string }[];
        delegatedTasks: { id: string }[];
        committeeMembers: { name: string }[];
        partyOrganization: { name: string };
      };
      ledgerEntries: { edges: { node: { id: string } }[] };
    }>(
      'query($c: ID!) { community(id: $c) { name electionRounds { id } delegatedTasks { id } committeeMembers { name } partyOrganization { name } } ledgerEntries(communityId: $c, first: 100) { edges { node { id } } } }',
      { c: community },
    );
    const c = truth.data!.community;
    const entries = truth.data!.ledgerEntries.edges.length;
    expect(entries).toBeGreaterThan(15);

    const page = await d.open('#/overview');
    await page.getByTestId('overview-table').getByRole('link', { name: c.name, exact: true }).click();
    await page.getByTestId('community-page').waitFor({ timeout: 30_000 });
    const orgs = page.getByTestId('organisations');
    expect(await orgs.locator('dt').allInnerTexts()).toEqual(['党组织', '社区成员代表大会', '社区居民委员会', '协商议事委员会']);
    expect(await orgs.innerText()).toContain(c.partyOrganization.name);
    for (const m of c.committeeMembers) expect(await orgs.innerText()).toContain(m.name);
    expect(await page.getByTestId('election-table').locator('tbody tr').count()).toBe(c.electionRounds.length);
    await expect.poll(() => page.getByTestId('community-tasks-table').locator('tbody tr').count(), { timeout: 15_000 }).toBe(c.delegatedTasks.length);

    const ledgerRows = page.getByTestId('ledger-table').locator('tbody tr[data-category]');
    await expect.poll(() => ledgerRows.count(), { timeout: 15_000 }).toBe(15);
    await page.getByTestId('ledger-more').click();
    await expect.poll(() => ledgerRows.count(), { timeout: 15_000 }).toBe(Math.min(30, entries));
    // Anonymous: the public counts, and a word on who may see the requests themselves.
    await page.getByTestId('requests-refused').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('request-stats').innerText()).toMatch(/总数 \d+/);
    await page.screenshot({ path: path.join(d.shots, 'community.png'), fullPage: true });
    await page.close();
    expect(d.leftLocalhost).toEqual([]);
  });

  it("drills down from a published scoreboard to a department's accountability record: results, cases and the merged timeline", async () => {
    const campaigns = await api.query<{ campaigns: { id: string; status: string }[] }>('{ campaigns { id status } }');
    const published = campaigns.data!.campaigns.find((c) => c.status === 'PUBLISHED')!.id;
    const page = await d.open(`#/scoreboard/${published}`);
    const first = page.getByTestId('ranking-DEPARTMENT').locator('tbody tr').first();
    const departmentId = (await first.getAttribute('data-target', { timeout: 30_000 }))!;
    await first.getByRole('link').click();
    await page.getByTestId('unit-page').waitFor({ timeout: 30_000 });
    expect(page.url()).toContain(`#/unit/department/${departmentId}`);
    const truth = await api.query<{
      department: { evaluations: { campaignId: string; score: number }[]; accountabilityTimeline: { kind: string; summary: string }[] };
    }>('query($id: ID!) { department(id: $id) { evaluations { campaignId score } accountabilityTimeline(limit: 200) { kind summary } } }', {
      id: departmentId,
    });
    const { evaluations, accountabilityTimeline } = truth.data!.department;
    const items = page.getByTestId('unit-timeline').locator('li');
    await expect.poll(() => items.count(), { timeout: 15_000 }).toBe(accountabilityTimeline.length);
    // Newest first on the page; the API gives the story oldest first.
    expect(await items.first().getAttribute('data-kind')).toBe(accountabilityTimeline.at(-1)!.kind);
    expect(await items.first().innerText()).toContain(accountabilityTimeline.at(-1)!.summary);
    expect(await items.last().getAttribute('data-kind')).toBe(accountabilityTimeline[0]!.kind);
    const row = page.getByTestId('unit-results').locator(`tr[data-campaign="${published}"]`);
    expect(await row.innerText()).toContain(evaluations.find((r) => r.campaignId === published)!.score.toFixed(2));
    await page.screenshot({ path: path.join(d.shots, 'department-record.png'), fullPage: true });
    await page.close();
    expect(d.leftLocalhost).toEqual([]);
  });

  it('fits a phone: no view scrolls sideways, in either language, and every view stays one tap away', async () => {
    const views = ['#/', '#/overview', `#/community/${community}`, '#/rectification', '#/commitments', '#/tasks', '#/unit/department/dept-health'];
    const page = await d.open('#/', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    for (const lang of ['中文', 'English']) {
      await page.getByRole('button', { name: lang }).click();
      for (const view of views) {
        await page.goto(`${d.base}/${view}`);
        await page.locator('main').locator('table, .note, .card').first().waitFor({ timeout: 30_000 });
        expect(await overflowsSideways(page), `${view} (${lang}) scrolls sideways`).toBe(false);
        const nav = page.getByRole('navigation');
        for (const link of await nav.getByRole('link').all()) {
          const box = await link.boundingBox();
          expect(box && box.x >= 0 && box.x + box.width <= 390, `${await link.innerText()} on screen`).toBe(true);
        }
      }
      await page.screenshot({ path: path.join(d.shots, `phone-${lang === '中文' ? 'zh' : 'en'}.png`), fullPage: true });
    }
    await page.close();
    expect(d.leftLocalhost).toEqual([]);
  });
});
