// A man in the middle between the gateway and one subgraph, as an attacker on the network would
// sit: it records every request body and every graphql-ws message the gateway sends, can keep
// one request for itself instead of passing it on, and can cut the WebSocket connections.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer, type RawData } from 'ws';

export interface RecordingProxy {
  /** The /graphql URL to give the gateway for the subgraph. */
  url: string;
  /** HTTP bodies as sent, in order. */
  bodies: string[];
  /** graphql-ws messages from the gateway, as sent, in order. */
  messages: string[];
  /** The next HTTP body that matches is recorded but never delivered (the gateway gets a 502). */
  holdNext(match: (body: string) => boolean): Promise<string>;
  /** Cuts every WebSocket connection passing through, both ways. */
  dropConnections(): void;
  close(): Promise<void>;
}

/** `target`: the subgraph's /graphql URL, read per request (subgraphs start before the gateway). */
export async function startRecordingProxy(target: () => string | undefined): Promise<RecordingProxy> {
  const bodies: string[] = [];
  const messages: string[] = [];
  const holds: { match: (body: string) => boolean; resolve: (body: string) => void }[] = [];
  const sockets = new Set<WebSocket>();

  const server = createServer((req, res) => {
    relay(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(502).end();
    });
  });
  async function relay(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    bodies.push(body);
    const hold = holds.findIndex((h) => h.match(body));
    const url = target();
    if (hold >= 0 || !url) {
      if (hold >= 0) holds.splice(hold, 1)[0]!.resolve(body);
      res.writeHead(502, { 'content-type': 'text/plain' }).end('held');
      return;
    }
    const answer = await fetch(url, {
      method: req.method,
      headers: { 'content-type': req.headers['content-type'] ?? 'application/json', accept: req.headers.accept ?? '*/*' },
      body: req.method === 'POST' ? body : undefined,
    });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await answer.arrayBuffer()));
  }

  const wss = new WebSocketServer({ server, path: '/graphql' });
  wss.on('connection', (client) => {
    const upstream = new WebSocket(target()!.replace(/^http/, 'ws'), client.protocol);
    sockets.add(client).add(upstream);
    const early: [RawData, boolean][] = [];
    client.on('message', (data, isBinary) => {
      messages.push(data.toString());
      if (upstream.readyState === WebSocket.OPEN) upstream.send(data, { binary: isBinary });
      else early.push([data, isBinary]);
    });
    upstream.on('open', () => {
      for (const [data, isBinary] of early.splice(0)) upstream.send(data, { binary: isBinary });
    });
    upstream.on('message', (data, isBinary) => client.send(data, { binary: isBinary }));
    const cut = () => {
      client.terminate();
      upstream.terminate();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    for (const socket of [client, upstream]) {
      socket.on('close', cut);
      socket.on('error', cut);
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    bodies,
    messages,
    holdNext: (match) => new Promise((resolve) => holds.push({ match, resolve })),
    dropConnections: () => {
      for (const socket of sockets) socket.terminate();
      sockets.clear();
    },
    close: async () => {
      for (const socket of sockets) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
