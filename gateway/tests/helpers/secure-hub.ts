// A gateway with identity and its security layer in front of one small subgraph whose fields carry
// @authenticated / @requiresScopes, that records what it was asked and which headers it received.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { issueToken, type TokenClaims } from '@shequ/kit';
import { GraphQLError } from 'graphql';
import { composeSupergraph } from '@shequ/kit/federation/supergraph';
import type { SecurityOverrides } from '../../src/security-config.ts';
import { startGatewayServer, type GatewayServer, type GatewayServerOptions } from '../../src/server.ts';
import { startSubgraph, type RunningSubgraph } from './subgraph.ts';

export const recordsSdl = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@authenticated", "@requiresScopes", "@listSize"])
  type Notice @key(fields: "id") {
    id: ID!
    title: String!
    related(first: Int = 20): [Notice!]! @listSize(slicingArguments: ["first"])
    budgetFen: Int @requiresScopes(scopes: [["DISTRICT_ADMIN"]])
  }
  type Ballot { id: ID! score: Int! }
  type AuditLog @requiresScopes(scopes: [["DISTRICT_ADMIN"], ["OBSERVER"]]) { entries: Int! }
  type Echo { requestId: String traceparent: String }
  scalar Stamp
  type Query {
    lookup(id: ID!, at: Stamp): Notice
    notices(first: Int = 20): [Notice!]! @listSize(slicingArguments: ["first"])
    ballots: [Ballot!] @authenticated
    auditLog: AuditLog
    echo(note: String): Echo
    slow(ms: Int!): String
    fail: String
  }
  type Subscription { ticks(count: Int!, everyMs: Int): Int @authenticated }
`;

const notices = ['Water outage on Minzu Road', 'Volunteer day', 'Budget hearing'].map((title, i) => ({ id: `n${i + 1}`, title, budgetFen: (i + 1) * 100_000 }));

export interface Records {
  subgraph: RunningSubgraph;
  /** Fields resolved, in order: proves what the gateway never asked for. */
  resolved: string[];
  echoes: { requestId?: string; traceparent?: string }[];
  close(): Promise<void>;
}

export async function startRecords(): Promise<Records> {
  const resolved: string[] = [];
  const echoes: Records['echoes'] = [];
  const subgraph = await startSubgraph({
    name: 'records',
    typeDefs: recordsSdl,
    context: (req) => ({ headers: req.headers }),
    resolvers: {
      Query: {
        notices: (_: unknown, { first }: { first?: number }) => notices.slice(0, first ?? notices.length),
        lookup: (_: unknown, { id }: { id: string }) => notices.find((n) => n.id === id) ?? null,
        ballots: () => {
          resolved.push('Query.ballots');
          return [{ id: 'b1', score: 4 }];
        },
        auditLog: () => {
          resolved.push('Query.auditLog');
          return { entries: 7 };
        },
        echo: (_: unknown, __: unknown, ctx: unknown) => {
          const { headers } = ctx as { headers: Record<string, string | undefined> };
          const echo = { requestId: headers['x-request-id'], traceparent: headers.traceparent };
          echoes.push(echo);
          return echo;
        },
        slow: async (_: unknown, { ms }: { ms: number }) => {
          await new Promise((r) => setTimeout(r, ms));
          return 'done';
        },
        fail: () => {
          throw new GraphQLError('Not allowed here', { extensions: { code: 'FORBIDDEN' } });
        },
      },
      Notice: {
        __resolveReference: (ref: { id: string }) => notices.find((n) => n.id === ref.id),
        related: (_: unknown, { first }: { first?: number }) => notices.slice(0, first ?? notices.length),
        budgetFen: (n: { budgetFen: number }) => {
          resolved.push('Notice.budgetFen');
          return n.budgetFen;
        },
      },
      Subscription: {
        ticks: {
          subscribe: async function* (_: unknown, { count, everyMs }: { count: number; everyMs?: number }) {
            for (let i = 0; i < count; i++) {
              if (everyMs) await new Promise((r) => setTimeout(r, everyMs));
              yield { ticks: i };
            }
          },
        },
      },
    },
  });
  return { subgraph, resolved, echoes, close: () => subgraph.close() };
}

export interface SecureGateway {
  url: string;
  base: string;
  server: GatewayServer;
  jwtSecret: string;
  token(claims: TokenClaims, options?: { expiresIn?: string; secret?: string }): Promise<string>;
  post(body: unknown, options?: { as?: TokenClaims; headers?: Record<string, string> }): Promise<Answer>;
  query(query: string, variables?: Record<string, unknown>, as?: TokenClaims): Promise<Answer>;
  close(): Promise<void>;
}

export interface Answer {
  status: number;
  headers: Headers;
  data?: Record<string, any> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export async function startSecureGateway(
  records: Records,
  security: SecurityOverrides = {},
  options: Partial<GatewayServerOptions> = {},
): Promise<SecureGateway> {
  const dir = await mkdtemp(path.join(tmpdir(), 'shequ-secure-'));
  const file = path.join(dir, 'supergraph.graphql');
  await writeFile(file, composeSupergraph([{ name: 'records', url: records.subgraph.url, sdl: recordsSdl }]));
  const jwtSecret = randomBytes(32).toString('base64url');
  const server = await startGatewayServer({
    port: 0,
    host: '127.0.0.1',
    supergraph: file,
    identity: { jwt: { kind: 'secret', secret: jwtSecret, issuer: 'shequ', audience: 'shequ' }, upstreamSecret: randomBytes(32).toString('base64url') },
    // Rate limits (off outside production) are tested on their own.
    security: { ...security, rateLimit: { perMinute: 0, ...security.rateLimit } },
    ...options,
  });
  const token: SecureGateway['token'] = (claims, o = {}) => issueToken(claims, o.secret ?? jwtSecret, { expiresIn: o.expiresIn });
  const post: SecureGateway['post'] = async (body, o = {}) => {
    const auth: Record<string, string> = o.as ? { authorization: `Bearer ${await token(o.as)}` } : {};
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...auth, ...o.headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: object;
    try {
      parsed = JSON.parse(text) as object;
    } catch {
      parsed = { errors: [{ message: text }] };
    }
    return { status: res.status, headers: res.headers, ...parsed };
  };
  return {
    url: server.url,
    base: server.url.replace(/\/graphql$/, ''),
    server,
    jwtSecret,
    token,
    post,
    query: (query, variables, as) => post({ query, variables }, { as }),
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
