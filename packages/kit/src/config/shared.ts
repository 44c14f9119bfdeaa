// Variables more than one process reads, defined once. A process's schema picks the ones it reads.
import { parseSubgraphUrls, SubgraphUrlsError } from '../federation/subgraph-urls.js';
import { boolean, day, httpUrl, integer, logLevel, oneOf, text, url } from './kinds.js';
import { checked, describe, withDefault } from './variable.js';

export const NODE_ENV = describe(text(), {
  description: '`production` turns on the production rules: keys required, development keys refused, tighter gateway defaults',
  default: 'development',
});

export const LOG_LEVEL = describe(logLevel(), {
  description: 'log level (`fatal`, `error`, `warn`, `info`, `debug`, `trace`); the Hive gateway runtime reads it too',
  default: 'info',
});

export const SHEQU_LOG_LEVEL = describe(logLevel(), {
  description: "log level of shequ's own logs, over `LOG_LEVEL`; may also be `silent` (tests)",
  default: '`LOG_LEVEL`',
});

export const SHEQU_DATA_DIR = describe(text(), {
  description: 'where the embedded databases and the development keys live',
  default: '`.data`',
});

export const REDIS_URL = describe(url(['redis:', 'rediss:'], 'redis://127.0.0.1:6379'), {
  description: 'Redis shared by replicas: subscription events, replayed-request nonces, rate-limit counts, the response cache (unset: each process alone)',
});

export const JWT_SECRET = describe(text(), {
  description: "secret: the HS256 key callers' tokens are signed with (at least 32 characters)",
  secret: true,
});

export const JWT_JWKS_URL = describe(httpUrl('https://id.example/.well-known/jwks.json'), {
  description: "the identity provider's keys (RS256/ES256), instead of `JWT_SECRET`",
});

export const JWT_ISSUER = describe(withDefault(text(), 'shequ'), { description: 'the issuer tokens must name', default: 'shequ' });
export const JWT_AUDIENCE = describe(withDefault(text(), 'shequ'), { description: 'the audience tokens must name', default: 'shequ' });

export const SHEQU_UPSTREAM_SECRET = describe(text(), {
  description: 'secret: signs every gateway → subgraph request (at least 32 characters)',
  secret: true,
});

export const SHEQU_DATA_KEY = describe(text(), {
  description: "secret: encrypts residents' ID-card numbers and keys the anonymous ballot link (32 bytes as 64 hex or base64)",
  secret: true,
});

export const TRUSTED_DOCUMENTS_DIR = describe(text(), {
  description: 'the recorded client operations',
  default: '`schema/operations`',
});

export const SHEQU_SUBGRAPH_URLS = describe(
  checked((raw) => {
    try {
      return { value: parseSubgraphUrls(raw) };
    } catch (error) {
      if (error instanceof SubgraphUrlsError) return { problem: error.message };
      throw error;
    }
  }),
  { description: '`name=url,name=url`: where subgraphs are, over the URLs composed into the supergraph' },
);

export const DATABASE_URL = describe(
  checked((raw) => {
    const problem = databaseUrlProblem(raw);
    return problem ? { problem } : { value: raw };
  }),
  {
    description:
      'PostgreSQL (`postgresql://user:password@host:5432/shequ`), one schema per subgraph; unset: embedded PGlite in `SHEQU_DATA_DIR`. Holds a password: never shown',
  },
);

/** What is wrong with a DATABASE_URL, in a sentence that does not repeat it (it holds a password). */
export function databaseUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'DATABASE_URL is not a valid URL; expected postgresql://user:password@host:5432/database';
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') return `DATABASE_URL must use postgresql://, not ${parsed.protocol}//`;
  if (!parsed.hostname) return 'DATABASE_URL has no host name';
  if (parsed.pathname.length <= 1) return 'DATABASE_URL names no database (add /<database> after the host)';
  return undefined;
}

export const DATABASE_SCHEMA = describe(
  checked((raw) =>
    /^[a-z_][a-z0-9_]{0,62}$/.test(raw) ? { value: raw } : { problem: `DATABASE_SCHEMA must be lower-case letters, digits and _, not ${JSON.stringify(raw)}` },
  ),
  { description: "the PostgreSQL schema for the subgraph's tables (a `?schema=` in `DATABASE_URL` wins)", default: "the subgraph's name" },
);

export const SHEQU_HOLIDAYS_FILE = describe(text(), {
  description: 'JSON `{ "holidays": [...], "workdays": [...] }` over the official PRC calendar; read at start',
});

export const SHEQU_DEMO_SCALE = describe(withDefault(integer({ min: 1, max: 20 }), 1), {
  description: "the demo district's size: every street this many times its communities",
  default: '1',
});

export const SHEQU_DEMO_DAY = describe(day(), {
  description: "the day the demo's timelines run to (YYYY-MM-DD)",
  default: 'today in Wuhan',
});

export const SEED = describe(withDefault(boolean(), true), { description: 'seed the demo data into an empty database', default: 'true' });

export const QUERY_PLANNER = describe(withDefault(oneOf(['rust', 'js']), 'rust'), {
  description: "the gateway's query planner: Hive Router's Rust planner or the JavaScript fallback",
  default: 'rust',
});
