// From argv to exit code, with everything the process gives (environment, output, files) passed
// in, so that tests run the whole CLI in-process against a server of their own.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseInvocation, usage, UsageError } from './args.ts';
import { resolveToken, type TokenSource } from './auth.ts';
import { CliError, gatewayClient, GraphQLErrors, introspectPartner } from './client.ts';
import { runCommand, type Io } from './commands.ts';

export interface Environment {
  env: NodeJS.ProcessEnv;
  io: Io;
  /** Where --schema paths are relative to. */
  cwd: string;
  /** Where the hub's development key is (SHEQU_DATA_DIR, else .data/). */
  dataDir: string;
}

const say = (io: Io, message: string) =>
  io.err(
    message
      .split('\n')
      .map((line) => `subgraph: ${line}`)
      .join('\n'),
  );

export async function run(argv: readonly string[], { env, io, cwd, dataDir }: Environment): Promise<number> {
  let invocation: ReturnType<typeof parseInvocation>;
  try {
    invocation = parseInvocation(argv, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`subgraph: ${error.message}\n${usage}`);
    return 2;
  }
  if (invocation.help) {
    io.out(usage);
    return 0;
  }

  let token: TokenSource | undefined;
  const client = gatewayClient(invocation.gateway, async () => (token ??= await resolveToken(invocation.token, env, dataDir)).token);
  try {
    return await runCommand(invocation.run, {
      client,
      io,
      json: invocation.json,
      readSchema: (file) => readSchema(path.resolve(cwd, file)),
      introspect: introspectPartner,
    });
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    say(io, error.message);
    if (error instanceof GraphQLErrors && token && error.codes.some((c) => ['UNAUTHENTICATED', 'FORBIDDEN', 'HTTP_400', 'HTTP_401', 'HTTP_403'].includes(c))) {
      say(io, `(the request carried ${token.origin})`);
    }
    return 1;
  }
}

async function readSchema(file: string): Promise<string> {
  let sdl: string;
  try {
    sdl = await readFile(file, 'utf8');
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new CliError(`cannot read the schema ${file}: ${e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'a directory, not a file' : e.message}`);
  }
  if (sdl.trim() === '') throw new CliError(`the schema ${file} is empty`);
  return sdl;
}
