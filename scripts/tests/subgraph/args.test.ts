import { describe, expect, it } from 'vitest';
import { defaultGateway, parseInvocation, UsageError, type Invocation } from '../../subgraph/args.ts';

const parse = (line: string, env: NodeJS.ProcessEnv = {}) => parseInvocation(line.split(' ').filter(Boolean), env);
const command = (line: string, env: NodeJS.ProcessEnv = {}) => {
  const invocation = parse(line, env);
  if (invocation.help) throw new Error('help');
  return invocation.run;
};
const refused = (line: string) => {
  try {
    parse(line);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`"${line}" was accepted`);
};

describe('commands', () => {
  it('check: from a file or from a partner URL', () => {
    expect(command('check --name demo-partner --schema demo.graphql')).toEqual({
      command: 'check',
      name: 'demo-partner',
      source: { kind: 'file', path: 'demo.graphql' },
    });
    expect(command('check --name demo-partner --url http://127.0.0.1:4959/graphql')).toEqual({
      command: 'check',
      name: 'demo-partner',
      source: { kind: 'url', url: 'http://127.0.0.1:4959/graphql' },
    });
  });

  it('publish: every source optional, --force', () => {
    expect(command('publish --name demo-partner')).toEqual({ command: 'publish', name: 'demo-partner', schemaFile: undefined, url: undefined, force: false });
    expect(command('publish --name demo-partner --schema s.graphql --url https://p.example/graphql --force')).toEqual({
      command: 'publish',
      name: 'demo-partner',
      schemaFile: 's.graphql',
      url: 'https://p.example/graphql',
      force: true,
    });
  });

  it('list, history, diff', () => {
    expect(command('list')).toEqual({ command: 'list' });
    expect(command('history --name demo-partner')).toEqual({ command: 'history', name: 'demo-partner', last: undefined });
    expect(command('history --name demo-partner --last 5')).toEqual({ command: 'history', name: 'demo-partner', last: 5 });
    expect(command('diff --name demo-partner --schema s.graphql')).toEqual({
      command: 'diff',
      name: 'demo-partner',
      source: { kind: 'file', path: 's.graphql' },
      failOnBreaking: false,
    });
    expect(command('diff --name demo-partner --url http://p/graphql --fail-on-breaking')).toMatchObject({
      failOnBreaking: true,
      source: { kind: 'url', url: 'http://p/graphql' },
    });
  });

  it('rollback, remove, register, rotate-secret', () => {
    expect(command('rollback --name demo-partner')).toEqual({ command: 'rollback', name: 'demo-partner', version: undefined, force: false });
    expect(command('rollback --name demo-partner --version 3 --force')).toEqual({ command: 'rollback', name: 'demo-partner', version: 3, force: true });
    expect(command('remove --name demo-partner --force')).toEqual({ command: 'remove', name: 'demo-partner', force: true });
    expect(command('register --name demo-partner --partner p1 --url http://127.0.0.1:4959/graphql')).toEqual({
      command: 'register',
      name: 'demo-partner',
      partner: 'p1',
      url: 'http://127.0.0.1:4959/graphql',
    });
    expect(command('rotate-secret --name demo-partner')).toEqual({ command: 'rotate-secret', name: 'demo-partner' });
  });

  it('flags as --flag=value too', () => {
    expect(command('history --name=demo-partner --last=2')).toEqual({ command: 'history', name: 'demo-partner', last: 2 });
  });
});

describe('connection', () => {
  const connection = (line: string, env: NodeJS.ProcessEnv = {}) => {
    const { help, run, ...rest } = parse(line, env) as Extract<Invocation, { help: false }>;
    return rest;
  };

  it('defaults: the local gateway, no token (minted later), text', () => {
    expect(connection('list')).toEqual({ gateway: defaultGateway, token: undefined, json: false });
  });

  it('takes the environment, and flags over it', () => {
    const env = { SHEQU_GATEWAY_URL: 'http://hub.example/graphql', SHEQU_TOKEN: 'env-token' };
    expect(connection('list', env)).toEqual({ gateway: 'http://hub.example/graphql', token: { value: 'env-token', from: 'SHEQU_TOKEN' }, json: false });
    expect(connection('list --gateway http://other/graphql --token flag-token --json', env)).toEqual({
      gateway: 'http://other/graphql',
      token: { value: 'flag-token', from: '--token' },
      json: true,
    });
  });

  it('--json and the connection flags go with every command', () => {
    for (const line of [
      'check --name n --schema f',
      'publish --name n',
      'list',
      'history --name n',
      'diff --name n --schema f',
      'rollback --name n',
      'remove --name n',
      'register --name n --partner p --url http://u/',
      'rotate-secret --name n',
    ]) {
      expect(connection(`${line} --json --gateway http://g/graphql --token t`)).toEqual({
        gateway: 'http://g/graphql',
        token: { value: 't', from: '--token' },
        json: true,
      });
    }
  });
});

describe('help', () => {
  it.each(['-h', '--help', 'check -h', 'publish --name n --help', 'list --help'])('%s', (line) => {
    expect(parse(line)).toEqual({ help: true });
  });
});

describe('usage errors', () => {
  it.each([
    ['', 'a command is required'],
    ['--json', 'a command is required'],
    ['checks --name n', 'unknown command "checks"'],
    ['check --schema f', 'check: --name is required'],
    ['check --name n', 'check: --schema <file> or --url <partner URL> is required'],
    ['check --name n --schema f --url http://p/', 'check: give --schema or --url, not both'],
    ['check --name n --schema f --force', "check: Unknown option '--force'"],
    ['diff --name n', 'diff: --schema <file> or --url <partner URL> is required'],
    ['diff --name n --schema f --force', "Unknown option '--force'"],
    ['publish', 'publish: --name is required'],
    ['publish --name n --url ftp://p/', 'publish: --url must be an http(s):// URL, not "ftp://p/"'],
    ['publish --name n --url localhost:4959', 'publish: --url must be an http(s):// URL'],
    ['publish --name n --url not-a-url', 'publish: --url must be a URL, not "not-a-url"'],
    ['publish --name n --fail-on-breaking', "Unknown option '--fail-on-breaking'"],
    ['list --name n', "list: Unknown option '--name'"],
    ['list extra', 'list: unexpected argument "extra"'],
    ['history', 'history: --name is required'],
    ['history --name n --last 0', 'history: --last must be a whole number from 1 to 200, not "0"'],
    ['history --name n --last 201', 'from 1 to 200'],
    ['history --name n --last 2.5', 'not "2.5"'],
    ['history --name n --last', "Option '--last <value>' argument missing"],
    ['rollback --name n --version x', 'rollback: --version must be a whole number'],
    ['rollback --name n --version -1', '--version'],
    ['remove', 'remove: --name is required'],
    ['remove --name n --version 2', "Unknown option '--version'"],
    ['register --name n --partner p', 'register: --url is required'],
    ['register --name n --url http://u/', 'register: --partner is required'],
    ['register --partner p --url http://u/', 'register: --name is required'],
    ['register --name n --partner p --url http://u/ --force', "Unknown option '--force'"],
    ['rotate-secret', 'rotate-secret: --name is required'],
    ['rotate-secret --name n --url http://u/', "Unknown option '--url'"],
    ['list --gateway nowhere', 'list: --gateway must be a URL, not "nowhere"'],
    ['list --frobnicate', "list: Unknown option '--frobnicate'"],
  ])('%s', (line, message) => {
    expect(refused(line)).toContain(message);
  });

  it('refuses an empty value and a bad SHEQU_GATEWAY_URL', () => {
    expect(() => parseInvocation(['check', '--name', ' ', '--schema', 'f'], {})).toThrow('check: --name needs a value');
    expect(() => parseInvocation(['list'], { SHEQU_GATEWAY_URL: 'gateway:4000' })).toThrow(UsageError);
    expect(() => parseInvocation(['list'], { SHEQU_GATEWAY_URL: 'gateway:4000' })).toThrow('SHEQU_GATEWAY_URL must be an http(s):// URL');
  });

  it("drops node:util's advice about positionals from the message", () => {
    expect(refused('list --frobnicate')).toBe("list: Unknown option '--frobnicate'");
  });
});
