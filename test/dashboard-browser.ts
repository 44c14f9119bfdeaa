// The dashboard's browser tests share this: the whole federation behind a gateway with trusted
// documents on and its default limits (as in production, so the page is proven to send only
// recorded operations the limits let through), a second gateway over the same subgraphs for the
// tests' own API checks, and pages in Debian's Chromium with every request that would leave
// 127.0.0.1 refused and recorded.
import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { startGatewayServer, type GatewayServer } from '@shequ/gateway';
import { repoRoot } from '@shequ/kit/paths';
import { postGraphQL } from '@shequ/kit/testing';
import { startTestFederation, type TestFederation } from '@shequ/testing';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { ensureDashboardBuilt } from '../scripts/dashboard-build.mjs';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';
import evaluations from '../subgraphs/evaluations/src/index.js';
import party from '../subgraphs/party/src/index.js';
import services from '../subgraphs/services/src/index.js';
import { chromiumFlags, chromiumPath, hasChromium } from './chromium.js';

export { hasChromium };
if (!hasChromium) console.warn(`SKIPPED: the dashboard browser tests need Debian's chromium at ${chromiumPath} (apt-get install chromium)`);

export interface DashboardHub {
  /** Serves the page: trusted documents on, default limits. */
  hub: TestFederation;
  /** The same subgraphs behind an ordinary gateway: what any API client would be told. */
  api: TestFederation;
  base: string;
  shots: string;
  leftLocalhost: string[];
  /** The body of every GraphQL POST the pages sent. */
  sentToGateway: string[];
  open(route: string, options?: BrowserContextOptions): Promise<Page>;
  /** The same, at another origin in front of the gateway (a proxy). */
  openAt(origin: string, route: string, options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

export async function startDashboardHub(name: string): Promise<DashboardHub> {
  const shots = path.join(repoRoot, 'test-results', name);
  await mkdir(shots, { recursive: true });
  ensureDashboardBuilt({ log: () => {} });
  const hub = await startTestFederation({
    subgraphs: [committees, departments, evaluations, party, services],
    gateway: { security: { trustedDocuments: { enabled: true } } },
  });
  let probe: GatewayServer | undefined;
  let browser: Browser | undefined;
  try {
    probe = await startGatewayServer({
      supergraph: hub.supergraphPath,
      port: 0,
      host: '127.0.0.1',
      identity: hub.secrets,
      security: { trustedDocuments: { enabled: false } },
    });
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
  } catch (error) {
    await probe?.close();
    await hub.close();
    throw error;
  }
  const probeUrl = probe.url;
  const api: TestFederation = {
    ...hub,
    url: probeUrl,
    query: async (query, variables, as) => postGraphQL(probeUrl, query, variables, as ? { authorization: `Bearer ${await hub.token(as)}` } : {}),
  };
  const leftLocalhost: string[] = [];
  const sentToGateway: string[] = [];
  const base = hub.url.replace(/\/graphql$/, '');
  const running = browser;
  async function openAt(origin: string, route: string, options: BrowserContextOptions = {}): Promise<Page> {
    const context = await running.newContext({ viewport: { width: 1366, height: 768 }, ...options });
    const page = await context.newPage();
    // Requests still in flight when a test closes its page are of no interest.
    page.on('close', () => void context.close().catch(() => {}));
    await page.route('**/*', (r) => {
      const url = new URL(r.request().url());
      if (url.hostname !== '127.0.0.1') {
        leftLocalhost.push(url.href);
        return r.abort('internetdisconnected').catch(() => {});
      }
      if (url.pathname === '/graphql' && r.request().method() === 'POST') sentToGateway.push(r.request().postData() ?? '');
      return r.continue().catch(() => {});
    });
    page.on('websocket', (ws) => {
      if (new URL(ws.url()).hostname !== '127.0.0.1') leftLocalhost.push(ws.url());
    });
    await page.goto(`${origin}/${route}`);
    return page;
  }
  return {
    hub,
    api,
    base,
    shots,
    leftLocalhost,
    sentToGateway,
    open: (route, options) => openAt(base, route, options),
    openAt,
    async close() {
      await running.close();
      await probe?.close();
      await hub.close();
    },
  };
}

export const digits = (text: string) => Number(text.replace(/[^\d]/g, ''));

/** True when the page scrolls sideways: something is wider than the screen. */
export const overflowsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

export interface CuttableLink {
  origin: string;
  /** Drops every connection through it and refuses new ones: the network is gone. */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

/** A TCP link to the gateway that a test can cut, as a flaky network or a restarting proxy would. */
export async function startCuttableLink(targetUrl: string): Promise<CuttableLink> {
  const target = new URL(targetUrl);
  const sockets = new Set<net.Socket>();
  let up = true;
  const server = net.createServer((client) => {
    if (!up) return void client.destroy();
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {});
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const cut = () => {
    up = false;
    for (const s of sockets) s.destroy();
  };
  return {
    origin: `http://127.0.0.1:${port}`,
    cut,
    restore: () => void (up = true),
    close: () => {
      cut();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
