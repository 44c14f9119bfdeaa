import { createClient, type Client } from 'graphql-ws';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface LiveClient {
  client: Client;
  dispose(): void;
}

/** Waits 0.5 s, 1 s, 2 s … up to 15 s, with jitter so a restarted gateway is not hit at once by every screen. */
export function backoffMs(retries: number, random: () => number = Math.random): number {
  const base = Math.min(15_000, 500 * 2 ** Math.min(retries, 5));
  return Math.round(base * (0.75 + random() * 0.5));
}

/**
 * One graphql-ws connection to the same-origin gateway for every feed on the page. It retries
 * for ever: the feeds start with the current state, so a screen that comes back is right at once.
 */
export function createLiveClient(token: string | null, onState: (s: ConnectionState) => void): LiveClient {
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  let everConnected = false;
  // What the socket itself says; the browser's online flag only overrides how it is shown, since
  // going offline and back need not close a socket (then no "connected" event follows).
  let socket: Exclude<ConnectionState, 'offline'> = 'connecting';
  const report = () => onState(!navigator.onLine ? 'offline' : socket);
  const set = (s: typeof socket) => {
    socket = s;
    report();
  };
  const client = createClient({
    url: `${proto}//${location.host}/graphql`,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, backoffMs(retries))),
    // Hold the socket a little after the last feed ends, so switching campaigns reuses it.
    lazy: true,
    lazyCloseTimeout: 5_000,
    on: {
      connecting: () => set(everConnected ? 'reconnecting' : 'connecting'),
      connected: () => {
        everConnected = true;
        set('live');
      },
      closed: () => set(everConnected ? 'reconnecting' : 'connecting'),
    },
  });
  addEventListener('offline', report);
  addEventListener('online', report);
  return {
    client,
    dispose() {
      removeEventListener('offline', report);
      removeEventListener('online', report);
      void client.dispose();
    },
  };
}

export interface FeedHandlers<T> {
  next(data: T): void;
  /** A GraphQL error ended the feed (e.g. not allowed to see scores); not retried. */
  refused?(message: string, code: string | undefined): void;
  complete?(): void;
}

/** Codes after which subscribing again would give the same answer. */
const FINAL_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'OPERATION_NOT_TRUSTED', 'GRAPHQL_VALIDATION_FAILED']);

/**
 * Subscribes to one recorded document; when the gateway ends the feed with a transient error
 * (SUBGRAPH_UNAVAILABLE, SCHEMA_RELOAD) it subscribes again after a backoff. Returns unsubscribe.
 */
export function follow<T>(live: LiveClient, document: string, variables: Record<string, unknown>, handlers: FeedHandlers<T>): () => void {
  let stopped = false;
  let attempt = 0;
  // Each subscribe gets a generation: callbacks of a subscription we already gave up on are ignored.
  let generation = 0;
  let unsubscribe: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const start = () => {
    if (stopped) return;
    const gen = ++generation;
    const current = () => !stopped && gen === generation;
    const end = (message: string, code: string | undefined) => {
      if (!current()) return;
      generation++;
      unsubscribe?.();
      if (code && FINAL_CODES.has(code)) {
        handlers.refused?.(message, code);
        return;
      }
      timer = setTimeout(start, backoffMs(attempt++));
    };
    unsubscribe = live.client.subscribe<T>(
      { query: document, variables },
      {
        next: (msg) => {
          if (!current()) return;
          if (msg.data) {
            attempt = 0;
            handlers.next(msg.data as T);
          } else if (msg.errors?.[0]) {
            const err = msg.errors[0];
            end(err.message, err.extensions?.code as string | undefined);
          }
        },
        error: (e) => {
          // Socket-level errors are retried by the client itself; GraphQL errors arrive as arrays.
          const err = Array.isArray(e) ? (e[0] as { message?: string; extensions?: { code?: string } } | undefined) : undefined;
          end(err?.message ?? 'connection error', err?.extensions?.code);
        },
        complete: () => {
          if (current()) handlers.complete?.();
        },
      },
    );
  };
  start();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    unsubscribe?.();
  };
}
