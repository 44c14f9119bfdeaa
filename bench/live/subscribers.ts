// One process of the live benchmark's screens (bench/live.ts forks a few): `count` graphql-ws
// connections to the gateway, each holding one subscription, alternately turnout
// (campaignProgress, anonymous) and results (evaluationResultChanged, as an administrator).
// The parent tells it when each ballot was accepted (by campaign revision); it measures, per
// screen, how long after acceptance a ballot's new state arrived, into a histogram.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { Histogram } from './histogram.js';
import type { ToSubscribers, FromSubscribers } from './protocol.js';

const { url, count, campaignId, adminToken, offset } = JSON.parse(process.argv[2]!) as {
  url: string;
  count: number;
  campaignId: string;
  adminToken: string;
  offset: number;
};

const progressQuery = 'subscription($c: ID!) { campaignProgress(campaignId: $c) { ballotsCast revision } }';
const resultsQuery = 'subscription($c: ID!) { evaluationResultChanged(campaignId: $c) { targetId ballotCount score rank revision } }';

const acceptedAt = new Map<number, number>();
/** Arrivals whose ballot's acceptance this process has not heard of yet. */
const early = new Map<number, { at: number; histogram: Histogram }[]>();
const progress = new Histogram();
const results = new Histogram();
let messages = 0;
let errors = 0;
let firstMessages = 0;
let connectionErrors = 0;
let cpuSince = process.cpuUsage();

function sample(revision: number, at: number, histogram: Histogram): void {
  const accepted = acceptedAt.get(revision);
  if (accepted !== undefined) histogram.add(at - accepted);
  else early.set(revision, [...(early.get(revision) ?? []), { at, histogram }]);
}

interface Screen {
  client: Client;
  /** Highest revision this screen has seen; -1 before its first message. */
  seen: number;
}

function open(i: number): Screen {
  const turnout = (offset + i) % 2 === 0;
  const screen: Screen = { seen: -1, client: undefined as unknown as Client };
  screen.client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    lazy: false,
    // As a screen would: a connection refused in the morning rush is tried again.
    retryAttempts: 10,
    on: {
      error: (e) => {
        if (connectionErrors++ < 3) console.error('screen connection error:', (e as Error)?.message ?? e, (e as { code?: unknown })?.code);
      },
    },
    connectionParams: turnout ? {} : { authorization: `Bearer ${adminToken}` },
  });
  screen.client.subscribe<Record<string, { revision: number }>>(
    { query: turnout ? progressQuery : resultsQuery, variables: { c: campaignId } },
    {
      next: ({ data, errors: failed }) => {
        const at = Date.now();
        messages++;
        if (failed?.length || !data) {
          errors++;
          return;
        }
        const { revision } = turnout ? data.campaignProgress! : data.evaluationResultChanged!;
        if (screen.seen < 0) firstMessages++;
        else if (turnout) {
          // Every ballot since the last turnout this screen saw arrived now.
          for (let r = screen.seen + 1; r <= revision; r++) sample(r, at, progress);
        } else if (revision > screen.seen) {
          // A result is released every few ballots: measured from the newest ballot it reflects.
          sample(revision, at, results);
        }
        screen.seen = Math.max(screen.seen, revision);
      },
      error: () => void errors++,
      complete: () => {},
    },
  );
  return screen;
}

const screens: Screen[] = [];
const send = (message: FromSubscribers) => process.send!(message);

process.on('message', async (message: ToSubscribers) => {
  switch (message.type) {
    case 'open': {
      // In steps, as screens in a district come on in the morning, not all in one millisecond.
      for (let i = screens.length; i < count; i += 250) {
        for (let j = i; j < Math.min(count, i + 250); j++) screens.push(open(j));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const started = Date.now();
      while (firstMessages < count && Date.now() - started < 120_000) await new Promise((resolve) => setTimeout(resolve, 100));
      send({ type: 'opened', screens: firstMessages, connectionErrors });
      break;
    }
    case 'accepted': {
      acceptedAt.set(message.revision, message.at);
      for (const { at, histogram } of early.get(message.revision) ?? []) histogram.add(at - message.at);
      early.delete(message.revision);
      break;
    }
    case 'report': {
      const cpu = process.cpuUsage(cpuSince);
      cpuSince = process.cpuUsage();
      send({ type: 'report', progress: progress.counts, results: results.counts, messages, errors, cpuSeconds: (cpu.user + cpu.system) / 1e6 });
      progress.reset();
      results.reset();
      messages = 0;
      errors = 0;
      break;
    }
    case 'close': {
      await Promise.all(screens.map((s) => s.client.dispose()));
      process.exit(0);
    }
  }
});
send({ type: 'ready' });
