import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createLogger, type Logger } from '@shequ/kit/logger';
import { validateSupergraph } from '@shequ/kit/federation/supergraph';

/** `<repo>/schema/supergraph.graphql`, found from this file so it does not depend on the cwd. */
export const DEFAULT_SUPERGRAPH_PATH = fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url));

export interface SupergraphSourceOptions {
  /** File path or http(s) URL. Default {@link DEFAULT_SUPERGRAPH_PATH} (the gateway passes SUPERGRAPH from its configuration). */
  location?: string;
  /** How often to look for a change. Default 1 s for a file, 10 s for a URL. */
  pollIntervalMs?: number;
  /** Throws to reject a new supergraph. Default {@link validateSupergraph}. */
  validate?: (sdl: string) => void;
  /**
   * A supergraph file served while `location` (a registry URL) has not answered yet, so that a
   * hub whose registry is still starting serves its core subgraphs at once.
   */
  fallback?: string;
  logger?: Logger;
}

export interface SupergraphSource {
  readonly location: string;
  /** The last valid supergraph, or undefined while none has loaded. */
  current(): string | undefined;
  /** Loads once (an invalid or missing supergraph is logged, not thrown), then keeps polling. */
  start(): Promise<void>;
  /** Checks for a change now; true when a new valid supergraph was taken. */
  refresh(): Promise<boolean>;
  /** Called after each accepted change; the returned function unsubscribes. */
  onChange(listener: (sdl: string) => void | Promise<void>): () => void;
  close(): void;
}

/**
 * The supergraph the gateway serves, reloaded when its file or URL changes.
 *
 * Polls instead of `fs.watch`: watch events are lost on atomic renames and on some mounted
 * volumes, and a stat every second costs nothing. A content hash decides what a change is,
 * so a touched-but-identical file does not rebuild the gateway.
 */
export function createSupergraphSource(options: SupergraphSourceOptions = {}): SupergraphSource {
  const location = options.location ?? DEFAULT_SUPERGRAPH_PATH;
  const isUrl = /^https?:\/\//i.test(location);
  const pollIntervalMs = options.pollIntervalMs ?? (isUrl ? 10_000 : 1_000);
  const validate = options.validate ?? validateSupergraph;
  const log = options.logger ?? createLogger('gateway');
  const listeners = new Set<(sdl: string) => void | Promise<void>>();

  let current: string | undefined;
  let etag: string | undefined; // of the URL's last answer: an unchanged supergraph costs a 304
  let currentHash: string | undefined;
  let lastReadError: string | undefined; // logged once, not on every tick
  let lastSeenHash: string | undefined; // of the last content read, valid or not
  let lastStat = '';
  let timer: NodeJS.Timeout | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  async function read(): Promise<string | undefined> {
    if (isUrl) {
      const res = await fetch(location, {
        headers: etag && current !== undefined ? { 'if-none-match': etag } : {},
        signal: AbortSignal.timeout(Math.max(pollIntervalMs, 5_000)),
      });
      if (res.status === 304) return undefined;
      if (!res.ok) throw new Error(`GET ${location} answered ${res.status}`);
      const text = await res.text();
      etag = res.headers.get('etag') ?? undefined;
      return text;
    }
    const s = await stat(location);
    const signature = `${s.mtimeMs}:${s.size}:${s.ino}`;
    // A file rejected once is re-read every tick: a half-written file may be finished
    // within the same mtime tick, which the stat alone would miss.
    if (signature === lastStat && lastSeenHash !== undefined && lastSeenHash === currentHash) return undefined;
    lastStat = signature;
    return readFile(location, 'utf8');
  }

  async function check(): Promise<boolean> {
    let sdl: string | undefined;
    try {
      sdl = await read();
      lastReadError = undefined;
    } catch (error) {
      const message = (error as Error).message;
      // At start with a fallback, the fallback's warning says it (the registry is still starting).
      const starting = current === undefined && options.fallback !== undefined;
      if (message !== lastReadError && !starting) log.error({ location, err: message }, 'cannot read the supergraph; keeping the one in use');
      lastReadError = message;
      return false;
    }
    if (sdl === undefined || closed) return false;
    const digest = hash(sdl);
    // Back to the content in use (e.g. after catching a non-atomic write half-way): no change.
    if (digest === currentHash) {
      lastSeenHash = digest;
      return false;
    }
    if (digest === lastSeenHash) return false; // the same rejected content, already logged
    lastSeenHash = digest;
    try {
      validate(sdl);
    } catch (error) {
      log.error({ location, err: (error as Error).message }, 'rejected an invalid supergraph; keeping the one in use');
      return false;
    }
    current = sdl;
    currentHash = digest;
    log.info({ location, hash: digest.slice(0, 12) }, 'supergraph loaded');
    for (const listener of listeners) {
      try {
        await listener(sdl);
      } catch (error) {
        log.error({ err: error }, 'supergraph change listener failed');
      }
    }
    return true;
  }

  async function useFallback(file: string): Promise<void> {
    try {
      const sdl = await readFile(file, 'utf8');
      validate(sdl);
      current = sdl;
      currentHash = hash(sdl);
      log.warn({ location, fallback: file, err: lastReadError }, 'the supergraph source has not answered; serving the fallback until it does');
    } catch (error) {
      log.error({ fallback: file, err: (error as Error).message }, 'cannot use the fallback supergraph either');
    }
  }

  function refresh(): Promise<boolean> {
    // One check at a time (overlapping reads could apply an older file after a newer one),
    // and each call gets a check that starts after it was made.
    const run = queue.then(check);
    queue = run.catch(() => undefined);
    return run;
  }

  function schedule(): void {
    if (closed) return;
    timer = setTimeout(() => void refresh().finally(schedule), pollIntervalMs);
    // Polling alone must not keep a process alive that is otherwise done.
    timer.unref();
  }

  return {
    location,
    current: () => current,
    async start() {
      await refresh();
      if (current === undefined && options.fallback) await useFallback(options.fallback);
      if (current === undefined) log.error({ location }, 'no valid supergraph yet; the gateway is not ready until one appears');
      if (!timer) schedule();
    },
    refresh,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      clearTimeout(timer);
      listeners.clear();
    },
  };
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
