import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '@shequ/kit/logger';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { composeSupergraph } from '@shequ/kit/federation/supergraph';
import { createSupergraphSource, DEFAULT_SUPERGRAPH_PATH, type SupergraphSource } from '../src/supergraph-source.ts';
import { communitiesSdl, streetsSdl, streetsSdlWithLength } from './helpers/fixtures.ts';

const compose = (streets: string) =>
  composeSupergraph([
    { name: 'streets', url: 'http://127.0.0.1:4101/graphql', sdl: streets },
    { name: 'communities', url: 'http://127.0.0.1:4102/graphql', sdl: communitiesSdl },
  ]);
const v1 = compose(streetsSdl);
const v2 = compose(streetsSdlWithLength);

let dir: string;
let file: string;
let source: SupergraphSource | undefined;
const log = createLogger('supergraph-source-test', 'silent');

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'shequ-supergraph-'));
  file = path.join(dir, 'supergraph.graphql');
});
afterEach(async () => {
  source?.close();
  source = undefined;
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

describe('supergraph source', () => {
  it('defaults to <repo>/schema/supergraph.graphql whatever the working directory', () => {
    const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
    expect(DEFAULT_SUPERGRAPH_PATH).toBe(path.join(repoRoot, 'schema', 'supergraph.graphql'));
  });

  it('loads the file, then picks up a rewrite without restart, and ignores an identical rewrite', async () => {
    await writeFile(file, v1);
    source = createSupergraphSource({ location: file, pollIntervalMs: 20, logger: log });
    const changes: string[] = [];
    source.onChange((sdl) => void changes.push(sdl));
    await source.start();
    expect(source.current()).toBe(v1);
    expect(changes).toEqual([v1]);

    await writeFile(file, v2);
    await vi.waitFor(() => expect(source!.current()).toBe(v2), { timeout: 2_000, interval: 10 });

    // A non-atomic writer caught half-way, then finished with the content already in use.
    await writeFile(file, v2.slice(0, 100));
    expect(await source.refresh()).toBe(false);
    await writeFile(file, v2); // touched, same content
    const later = new Date(Date.now() + 5_000);
    await utimes(file, later, later);
    expect(await source.refresh()).toBe(false);
    expect(changes).toEqual([v1, v2]);
  });

  it('rejects an invalid supergraph, logs why, keeps the old one, and takes the next valid one', async () => {
    await writeFile(file, v1);
    const logged = vi.spyOn(log, 'error');
    source = createSupergraphSource({ location: file, pollIntervalMs: 60_000, logger: log });
    await source.start();

    for (const bad of ['', 'type Query {', 'type Query { hello: String }', v2.slice(0, v2.length / 2)]) {
      await writeFile(file, bad);
      expect(await source.refresh()).toBe(false);
      expect(source.current()).toBe(v1);
    }
    expect(logged).toHaveBeenCalledTimes(4);
    expect(logged.mock.calls[0]![1]).toMatch(/rejected an invalid supergraph/);

    await writeFile(file, v2);
    expect(await source.refresh()).toBe(true);
    expect(source.current()).toBe(v2);
  });

  it('is not ready while the file is missing, and loads it once it appears', async () => {
    source = createSupergraphSource({ location: file, pollIntervalMs: 20, logger: log });
    await source.start();
    expect(source.current()).toBeUndefined();
    await writeFile(file, v1);
    await vi.waitFor(() => expect(source!.current()).toBe(v1), { timeout: 2_000, interval: 10 });
  });

  it('polls an http(s) URL', async () => {
    let body = v1;
    const server = http.createServer((_req, res) => res.end(body));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      source = createSupergraphSource({ location: `http://127.0.0.1:${port}/supergraph.graphql`, pollIntervalMs: 20, logger: log });
      await source.start();
      expect(source.current()).toBe(v1);
      body = v2;
      await vi.waitFor(() => expect(source!.current()).toBe(v2), { timeout: 2_000, interval: 10 });
      body = 'not graphql';
      expect(await source.refresh()).toBe(false);
      expect(source.current()).toBe(v2);
    } finally {
      source?.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("asks a URL with the last answer's ETag: an unchanged supergraph is a 304, read again only when it changed", async () => {
    let body = v1;
    const asked: (string | undefined)[] = [];
    const server = http.createServer((req, res) => {
      const etag = `"${body.length}"`;
      asked.push(req.headers['if-none-match']);
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304).end();
      res.writeHead(200, { etag }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      source = createSupergraphSource({ location: `http://127.0.0.1:${port}/supergraph.graphql`, pollIntervalMs: 60_000, logger: log });
      await source.start();
      expect(await source.refresh()).toBe(false);
      expect(asked).toEqual([undefined, `"${v1.length}"`]);
      body = v2;
      expect(await source.refresh()).toBe(true);
      expect(source.current()).toBe(v2);
    } finally {
      source?.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('serves the fallback file while the URL does not answer, and the URL once it does', async () => {
    await writeFile(file, v1);
    let up = false;
    const server = http.createServer((_req, res) => (up ? res.end(v2) : res.writeHead(503).end('starting')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      source = createSupergraphSource({ location: `http://127.0.0.1:${port}/supergraph.graphql`, fallback: file, pollIntervalMs: 20, logger: log });
      await source.start();
      expect(source.current()).toBe(v1);
      up = true;
      await vi.waitFor(() => expect(source!.current()).toBe(v2), { timeout: 2_000, interval: 10 });
    } finally {
      source?.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
