// The command line, parsed and validated into one typed command before anything touches the
// network: every mistake a user can make in the arguments is a usage error (exit 2) here.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export const defaultGateway = 'http://127.0.0.1:4000/graphql';

export const usage = `usage: npm run subgraph -- <command> [flags]

commands:
  check    --name <subgraph> (--schema <file> | --url <partner URL>)
           what publishing would do: errors, warnings, schema changes; exit 1 when it would be refused
  publish  --name <subgraph> [--url <routing URL>] [--schema <file>] [--force]
           SDL from --schema, else introspected from --url, else from the registered routing URL;
           --url also becomes the routing URL; --force accepts breaking recorded operations
  list     every registered subgraph: name, kind, partner, version, active, routing URL
  history  --name <subgraph> [--last <n>]
           versions, newest first
  diff     --name <subgraph> (--schema <file> | --url <partner URL>) [--fail-on-breaking]
           the schema changes publishing would make, without publishing
  rollback --name <subgraph> [--version <v>] [--force]
           brings back version v (default: the one before the current)
  remove   --name <subgraph> [--force]
           takes the subgraph out of the federation
  register --name <subgraph> --partner <partnerId> --url <routing URL>
           registers a partner subgraph; prints its signing secret (shown once)
  rotate-secret --name <subgraph>
           a new signing secret for the partner subgraph; the old one stops working

flags of every command:
  --gateway <url>  the hub's GraphQL endpoint (env SHEQU_GATEWAY_URL, default ${defaultGateway})
  --token <jwt>    the bearer token (env SHEQU_TOKEN; default: a 10-minute DISTRICT_ADMIN token
                   minted from the hub's own secrets, which works on the hub's machine)
  --json           the GraphQL result data as JSON instead of text
  -h, --help       this text`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface Connection {
  gateway: string;
  /** Absent: mint one from the hub's secrets. */
  token: { value: string; from: '--token' | 'SHEQU_TOKEN' } | undefined;
  json: boolean;
}

export type SchemaSource = { kind: 'file'; path: string } | { kind: 'url'; url: string };

export type Command =
  | { command: 'check'; name: string; source: SchemaSource }
  | { command: 'diff'; name: string; source: SchemaSource; failOnBreaking: boolean }
  /** No source: introspect the routing URL the registry holds. */
  | { command: 'publish'; name: string; schemaFile: string | undefined; url: string | undefined; force: boolean }
  | { command: 'list' }
  | { command: 'history'; name: string; last: number | undefined }
  | { command: 'rollback'; name: string; version: number | undefined; force: boolean }
  | { command: 'remove'; name: string; force: boolean }
  | { command: 'register'; name: string; partner: string; url: string }
  | { command: 'rotate-secret'; name: string };

export type Invocation = { help: true } | ({ help: false } & Connection & { run: Command });

type Options = NonNullable<ParseArgsConfig['options']>;

const common: Options = {
  gateway: { type: 'string' },
  token: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

const name: Options = { name: { type: 'string' } };
const source: Options = { schema: { type: 'string' }, url: { type: 'string' } };
const force: Options = { force: { type: 'boolean' } };

const flags = {
  check: { ...name, ...source },
  diff: { ...name, ...source, 'fail-on-breaking': { type: 'boolean' } },
  publish: { ...name, ...source, ...force },
  list: {},
  history: { ...name, last: { type: 'string' } },
  rollback: { ...name, version: { type: 'string' }, ...force },
  remove: { ...name, ...force },
  register: { ...name, partner: { type: 'string' }, url: { type: 'string' } },
  'rotate-secret': { ...name },
} satisfies Record<Command['command'], Options>;

type CommandName = keyof typeof flags;
const isCommand = (word: string): word is CommandName => Object.hasOwn(flags, word);

export function parseInvocation(argv: readonly string[], env: NodeJS.ProcessEnv): Invocation {
  const [first, ...rest] = argv;
  if (first === undefined || first.startsWith('-')) {
    if (argv.includes('-h') || argv.includes('--help')) return { help: true };
    throw new UsageError('a command is required');
  }
  if (!isCommand(first)) throw new UsageError(`unknown command "${first}"`);

  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: [...rest], options: { ...common, ...flags[first] }, allowPositionals: true, strict: true }));
  } catch (error) {
    // node:util names the flag and what is wrong with it; the command makes it clearer.
    throw new UsageError(`${first}: ${(error as Error).message.replace(/\. To specify a positional argument.*$/s, '')}`);
  }
  if (values.help) return { help: true };
  if (positionals.length > 0) throw new UsageError(`${first}: unexpected argument "${positionals[0]}"`);

  const str = (flag: string): string | undefined => {
    const value = values[flag];
    if (typeof value !== 'string') return undefined;
    if (value.trim() === '') throw new UsageError(`${first}: --${flag} needs a value`);
    return value.trim();
  };
  const required = (flag: string): string => str(flag) ?? fail(`${first}: --${flag} is required`);
  const url = (flag: string, value: string | undefined) => (value === undefined ? undefined : httpUrl(`--${flag}`, value, first));
  const whole = (flag: string, max: number): number | undefined => {
    const raw = str(flag);
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < 1 || n > max) fail(`${first}: --${flag} must be a whole number from 1 to ${max}, not "${raw}"`);
    return n;
  };
  const schemaSource = (): SchemaSource => {
    const file = str('schema');
    const partner = str('url');
    if (file !== undefined && partner !== undefined) fail(`${first}: give --schema or --url, not both`);
    if (file !== undefined) return { kind: 'file', path: file };
    if (partner !== undefined) return { kind: 'url', url: url('url', partner)! };
    return fail(`${first}: --schema <file> or --url <partner URL> is required`);
  };
  const bool = (flag: string) => values[flag] === true;

  const connection: Connection = {
    gateway: httpUrl(
      values.gateway === undefined ? 'SHEQU_GATEWAY_URL' : '--gateway',
      str('gateway') ?? (env.SHEQU_GATEWAY_URL?.trim() || defaultGateway),
      first,
    ),
    token: tokenOf(str('token'), env.SHEQU_TOKEN?.trim()),
    json: bool('json'),
  };

  let run: Command;
  switch (first) {
    case 'check':
      run = { command: first, name: required('name'), source: schemaSource() };
      break;
    case 'diff':
      run = { command: first, name: required('name'), source: schemaSource(), failOnBreaking: bool('fail-on-breaking') };
      break;
    case 'publish':
      run = { command: first, name: required('name'), schemaFile: str('schema'), url: url('url', str('url')), force: bool('force') };
      break;
    case 'list':
      run = { command: first };
      break;
    case 'history':
      // The registry's own limit on `versions(last:)`.
      run = { command: first, name: required('name'), last: whole('last', 200) };
      break;
    case 'rollback':
      run = { command: first, name: required('name'), version: whole('version', 2 ** 31 - 1), force: bool('force') };
      break;
    case 'remove':
      run = { command: first, name: required('name'), force: bool('force') };
      break;
    case 'register':
      run = { command: first, name: required('name'), partner: required('partner'), url: url('url', required('url'))! };
      break;
    case 'rotate-secret':
      run = { command: first, name: required('name') };
      break;
  }
  return { help: false, ...connection, run };
}

function tokenOf(flag: string | undefined, env: string | undefined): Connection['token'] {
  if (flag) return { value: flag, from: '--token' };
  return env ? { value: env, from: 'SHEQU_TOKEN' } : undefined;
}

function fail(message: string): never {
  throw new UsageError(message);
}

function httpUrl(what: string, value: string, command: string): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return fail(`${command}: ${what} must be a URL, not "${value}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') fail(`${command}: ${what} must be an http(s):// URL, not "${value}"`);
  return value;
}
