// GraphiQL in a real browser (Debian's Chromium, driven by playwright-core) with the network cut
// off: everything the page needs comes from the hub, it is titled shequ, opens on the README's
// first query, runs it, and runs a subscription over graphql-ws. Any request that would leave
// 127.0.0.1 is refused and fails the test. Screenshots go to test-results/graphiql/.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '@shequ/kit/paths';
import { startTestFederation, type TestFederation } from '@shequ/testing';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumFlags, chromiumPath, hasChromium } from './chromium.js';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';
import evaluations from '../subgraphs/evaluations/src/index.js';

const shots = path.join(repoRoot, 'test-results', 'graphiql');

let hub: TestFederation;
let browser: Browser;
const leftLocalhost: string[] = [];

async function openGraphiQL(query?: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && url.hostname !== '127.0.0.1') {
      leftLocalhost.push(url.href);
      return route.abort('internetdisconnected');
    }
    return route.continue();
  });
  page.on('websocket', (ws) => {
    if (new URL(ws.url()).hostname !== '127.0.0.1') leftLocalhost.push(ws.url());
  });
  await page.goto(query ? `${hub.url}?query=${encodeURIComponent(query)}` : hub.url);
  await page.locator('.graphiql-execute-button').waitFor({ timeout: 30_000 });
  return page;
}

/** The text of GraphiQL's response pane (a Monaco editor, rendered line by line). */
const responseText = async (page: Page) => (await page.locator('.graphiql-response').innerText()).replace(/\u00a0/g, ' ');

if (!hasChromium) console.warn(`SKIPPED: the GraphiQL browser tests need Debian's chromium at ${chromiumPath} (apt-get install chromium)`);

describe.skipIf(!hasChromium)('GraphiQL in a browser, offline', () => {
  beforeAll(async () => {
    await mkdir(shots, { recursive: true });
    hub = await startTestFederation({ subgraphs: [committees, departments, evaluations] });
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it("is shequ's, opens on the README's first query, and runs it", async () => {
    const page = await openGraphiQL();
    expect(await page.title()).toBe('shequ 社区 · GraphiQL');
    await expect.poll(() => page.locator('.graphiql-query-editor').innerText(), { timeout: 15_000 }).toMatch(/streets[\s\S]*communities/);
    await page.locator('.graphiql-execute-button').click();
    // Monaco renders the lines in view: the first street, with its Chinese and English names.
    await expect.poll(() => responseText(page), { timeout: 20_000 }).toMatch(/"id": "street-[a-z]+",\s*"name": "\S+街道",\s*"nameEn": "[A-Za-z]+ Street"/);
    await page.screenshot({ path: path.join(shots, 'first-query.png') });
    await page.close();
    expect(leftLocalhost).toEqual([]);
  });

  it('runs a subscription over graphql-ws and shows its current state', async () => {
    const page = await openGraphiQL('subscription { campaignProgress(campaignId: "campaign-2026-h2") { ballotsCast campaignStatus } }');
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => responseText(page), { timeout: 20_000 }).toMatch(/ballotsCast[\s\S]*OPEN/);
    expect(sockets.some((url) => url.startsWith(hub.url.replace(/^http/, 'ws')))).toBe(true);
    await page.screenshot({ path: path.join(shots, 'subscription.png') });
    await page.close();
    expect(leftLocalhost).toEqual([]);
  });
});
