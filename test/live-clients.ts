// Subscription clients for end-to-end tests, as real screens hold them: graphql-ws over a
// WebSocket (as browsers and the dashboard do) and SSE over fetch (graphql-sse's distinct
// connections, as the gateway serves it). Both collect what arrives for assertions.
import type { GraphQLResponse } from '@shequ/testing';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

type Ended = { kind: 'complete' } | { kind: 'error'; error: unknown };

abstract class Feed<T> {
  readonly events: GraphQLResponse<T>[] = [];
  /** Keep-alives received: WebSocket ping frames from the server, SSE comment lines. */
  pings = 0;
  ended: Ended | null = null;
  private waiters: (() => void)[] = [];

  protected push(event: GraphQLResponse<T>): void {
    this.events.push(event);
    this.wake();
  }

  protected end(ended: Ended): void {
    this.ended ??= ended;
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Resolves with the first event (from index `from` on) that satisfies `match`; fails after `ms` or when the stream ends first. */
  async next(match: (event: GraphQLResponse<T>) => boolean, from = 0, ms = 15_000): Promise<GraphQLResponse<T>> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.events.slice(from).find(match);
      if (found) return found;
      if (this.ended) throw new Error(`subscription ended (${JSON.stringify(this.ended)}); events: ${JSON.stringify(this.events)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching event within ${ms} ms; events: ${JSON.stringify(this.events)}`);
      await this.until(left);
    }
  }

  /** Resolves once the stream has ended (completed or failed); fails after `ms`. */
  async done(ms = 15_000): Promise<Ended> {
    const deadline = Date.now() + ms;
    while (!this.ended) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`still open after ${ms} ms; events: ${JSON.stringify(this.events)}`);
      await this.until(left);
    }
    return this.ended;
  }

  private until(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  abstract close(): Promise<void>;
}

/** A graphql-ws subscription through the gateway. */
export class WsFeed<T = Record<string, any>> extends Feed<T> {
  private readonly client: Client;

  constructor(url: string, query: string, variables: Record<string, unknown>, token?: string) {
    super();
    this.client = createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      // As browser clients send it: the same "Bearer <token>" an HTTP header carries.
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      // The server's keep-alive is WebSocket ping frames (ws answers them itself), not protocol pings.
      on: { opened: (socket) => (socket as WebSocket).on('ping', () => this.pings++) },
    });
    this.client.subscribe<T>(
      { query, variables },
      {
        next: (event) => this.push({ status: 0, ...event } as GraphQLResponse<T>),
        error: (error) => this.end({ kind: 'error', error }),
        complete: () => this.end({ kind: 'complete' }),
      },
    );
  }

  close(): Promise<void> {
    return this.client.dispose() as Promise<void>;
  }
}

/** An SSE subscription through the gateway, read as it streams. */
export class SseFeed<T = Record<string, any>> extends Feed<T> {
  contentType: string | null = null;
  private readonly abort = new AbortController();

  constructor(url: string, query: string, variables: Record<string, unknown>, token?: string) {
    super();
    void this.read(url, query, variables, token).catch((error: unknown) => {
      if (!this.abort.signal.aborted) this.end({ kind: 'error', error });
    });
  }

  private async read(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<void> {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: this.abort.signal,
    });
    this.contentType = res.headers.get('content-type');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop()!;
      for (const block of blocks) {
        const lines = block.split('\n');
        if (lines.every((line) => line.startsWith(':'))) this.pings++;
        const data = lines.find((line) => line.startsWith('data: '));
        if (lines.includes('event: next') && data) this.push(JSON.parse(data.slice(6)) as GraphQLResponse<T>);
        if (lines.includes('event: complete')) this.end({ kind: 'complete' });
      }
    }
    this.end({ kind: 'complete' });
  }

  async close(): Promise<void> {
    this.abort.abort();
  }
}
