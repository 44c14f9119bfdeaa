import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export async function query<T = Record<string, unknown>>(url: string, queryText: string): Promise<GraphQLResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query: queryText }),
  });
  return { status: res.status, ...((await res.json()) as object) };
}

/** All events of a finite subscription over graphql-ws (Node 20 has no global WebSocket). */
export async function subscribeWs(url: string, queryText: string): Promise<GraphQLResponse[]> {
  const client = createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
  try {
    const events: GraphQLResponse[] = [];
    for await (const event of client.iterate({ query: queryText })) events.push({ status: 0, ...event } as GraphQLResponse);
    return events;
  } finally {
    await client.dispose();
  }
}

/** All events of a finite subscription over SSE (graphql-sse "distinct connections" mode). */
export async function subscribeSse(url: string, queryText: string): Promise<{ contentType: string | null; events: GraphQLResponse[] }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query: queryText }),
  });
  const text = await res.text();
  const events = text
    .split('\n\n')
    .filter((block) => block.includes('event: next'))
    .map(
      (block) =>
        JSON.parse(
          block
            .split('\n')
            .find((line) => line.startsWith('data: '))!
            .slice(6),
        ) as GraphQLResponse,
    );
  return { contentType: res.headers.get('content-type'), events };
}
