// A stand-in for the gateway (or a partner subgraph) on a free port: answers each GraphQL request
// by its operation name and keeps every request, so tests see exactly what the CLI sent.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { run } from '../../subgraph/main.ts';

export interface Received {
  headers: http.IncomingHttpHeaders;
  body: { query?: string; operationName?: string; variables?: Record<string, unknown> };
}

export type Answer = { status?: number; json?: unknown; text?: string };
export type Handler = (request: Received) => Answer;

export interface FakeServer {
  url: string;
  received: Received[];
  /** Answers for operation names; anything else is a GraphQL error. */
  answers: Map<string, Handler>;
  close(): Promise<void>;
}

export async function fakeServer(answers: Record<string, Handler> = {}): Promise<FakeServer> {
  const received: Received[] = [];
  const handlers = new Map(Object.entries(answers));
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      let body: Received['body'] = {};
      try {
        body = JSON.parse(raw) as Received['body'];
      } catch {
        // kept empty: the test then sees a request without a query
      }
      const request = { headers: req.headers, body };
      received.push(request);
      const handler = handlers.get(body.operationName ?? '');
      const answer = handler
        ? handler(request)
        : { json: { errors: [{ message: `no answer for ${body.operationName}`, extensions: { code: 'TEST_UNEXPECTED' } }] } };
      res.statusCode = answer.status ?? 200;
      if (answer.text !== undefined) {
        res.setHeader('content-type', 'text/plain');
        res.end(answer.text);
      } else {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(answer.json));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    received,
    answers: handlers,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A URL where nothing listens: a port that was free a moment ago. */
export async function deadUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/graphql`;
}

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** The whole CLI in-process, with a fixed token so that no key is read or made. */
export async function cli(argv: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; dataDir?: string } = {}): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    env: options.env ?? { SHEQU_TOKEN: 'test-token' },
    io: { out: (t) => void (stdout += `${t}\n`), err: (t) => void (stderr += `${t}\n`) },
    cwd: options.cwd ?? process.cwd(),
    dataDir: options.dataDir ?? '/nonexistent/shequ-test-data',
  });
  return { code, stdout, stderr };
}

export const data =
  (value: unknown): Handler =>
  () => ({ json: { data: value } });
