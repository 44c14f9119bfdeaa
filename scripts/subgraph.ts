// npm run subgraph -- <command> [flags]: the schema registry from the command line, like
// `rover subgraph …` or `hive schema:…`: check, publish, list, history, diff, rollback, remove,
// register, rotate-secret (`npm run subgraph -- --help`). It talks to the registry through the
// hub's gateway; the parts are in subgraph/: args (the command line), operations (the recorded
// GraphQL documents), client (HTTP), auth (the token), report (text), commands, main (wiring).
import { dataRoot } from '@shequ/kit/paths';
import { run } from './subgraph/main.ts';

const line = (stream: NodeJS.WriteStream) => (text: string) => void stream.write(`${text}\n`);

// exitCode, not exit(): output to a pipe is flushed before the process ends.
process.exitCode = await run(process.argv.slice(2), {
  env: process.env,
  io: { out: line(process.stdout), err: line(process.stderr) },
  // npm runs scripts in the repository root; a --schema path is meant from where the user typed it.
  cwd: process.env.INIT_CWD ?? process.cwd(),
  dataDir: dataRoot,
});
