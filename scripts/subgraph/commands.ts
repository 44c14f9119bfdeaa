// One function per command: fetch the SDL if needed, send one registry operation, print. Each
// returns the exit code; failures to reach or be answered throw CliError (main.ts prints them).
import type { Command, SchemaSource } from './args.ts';
import { CliError, type GatewayClient } from './client.ts';
import type { SubgraphChange } from './operations.ts';
import {
  brokenOperations,
  changeCount,
  checkHeadline,
  countBreaking,
  forceWouldHelp,
  formatChanges,
  formatCheck,
  formatCheckDetails,
  formatHistory,
  formatSubgraphs,
} from './report.ts';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export interface Context {
  client: GatewayClient;
  io: Io;
  json: boolean;
  readSchema(file: string): Promise<string>;
  introspect(url: string): Promise<string>;
}

type Of<C extends Command['command']> = Extract<Command, { command: C }>;

export async function runCommand(cmd: Command, ctx: Context): Promise<number> {
  switch (cmd.command) {
    case 'check':
      return check(cmd, ctx);
    case 'diff':
      return diff(cmd, ctx);
    case 'publish':
      return publish(cmd, ctx);
    case 'list':
      return list(ctx);
    case 'history':
      return history(cmd, ctx);
    case 'rollback':
      return rollback(cmd, ctx);
    case 'remove':
      return remove(cmd, ctx);
    case 'register':
    case 'rotate-secret':
      return signingSecret(cmd, ctx);
  }
}

const printJson = (ctx: Context, data: unknown) => ctx.io.out(JSON.stringify(data, null, 2));

const sdlFrom = (source: SchemaSource, ctx: Context) => (source.kind === 'file' ? ctx.readSchema(source.path) : ctx.introspect(source.url));

// The partner URL it was introspected from is also where it would be routed: the check judges
// what `publish --url` would do.
const routingUrlOf = (source: SchemaSource) => (source.kind === 'url' ? source.url : undefined);

async function proposedCheck(cmd: Of<'check'> | Of<'diff'>, ctx: Context) {
  const sdl = await sdlFrom(cmd.source, ctx);
  return ctx.client.request('subgraphCheck', { name: cmd.name, sdl, routingUrl: routingUrlOf(cmd.source) });
}

async function check(cmd: Of<'check'>, ctx: Context): Promise<number> {
  const data = await proposedCheck(cmd, ctx);
  if (ctx.json) printJson(ctx, data);
  else ctx.io.out(formatCheck(cmd.name, data.subgraphCheck));
  return data.subgraphCheck.ok ? 0 : 1;
}

async function diff(cmd: Of<'diff'>, ctx: Context): Promise<number> {
  const data = await proposedCheck(cmd, ctx);
  const report = data.subgraphCheck;
  // The registry computes changes only for a federation that composes: without them the diff is
  // not "nothing changes" but "unknown", which no script should take for a clean diff.
  const unknown = !report.ok && report.changes.length === 0;
  if (ctx.json) printJson(ctx, data);
  else if (unknown) ctx.io.out(`${cmd.name}: no schema changes to show: the check fails before they can be computed`);
  else ctx.io.out([`${cmd.name}: publishing would make ${changeCount(report.changes)}`, ...formatChanges(report.changes)].join('\n'));
  if (!report.ok && !ctx.json)
    ctx.io.err(
      `publishing this would be refused (${report.errors.length === 1 ? '1 error' : `${report.errors.length} errors`}): npm run subgraph -- check shows why`,
    );
  if (unknown) return 1;
  return cmd.failOnBreaking && countBreaking(report.changes) > 0 ? 1 : 0;
}

async function publish(cmd: Of<'publish'>, ctx: Context): Promise<number> {
  let sdl: string;
  if (cmd.schemaFile !== undefined) sdl = await ctx.readSchema(cmd.schemaFile);
  else if (cmd.url !== undefined) sdl = await ctx.introspect(cmd.url);
  else {
    const { registeredSubgraph } = await ctx.client.request('registeredSubgraph', { name: cmd.name });
    if (!registeredSubgraph) throw new CliError(`no subgraph named ${cmd.name} is registered (or your token may not see it)`);
    sdl = await ctx.introspect(registeredSubgraph.routingUrl);
  }
  const data = await ctx.client.request('publishSubgraph', { name: cmd.name, sdl, routingUrl: cmd.url, force: cmd.force });
  const outcome = data.publishSubgraph;
  if (ctx.json) printJson(ctx, data);
  else
    printOutcome(
      ctx,
      'publish',
      outcome,
      `published as version ${outcome.subgraph.currentVersion} (routing URL ${outcome.subgraph.routingUrl}); the gateways switch to it on their next supergraph poll`,
    );
  return outcome.ok ? 0 : 1;
}

async function rollback(cmd: Of<'rollback'>, ctx: Context): Promise<number> {
  const data = await ctx.client.request('rollbackSubgraph', { name: cmd.name, version: cmd.version, force: cmd.force });
  const outcome = data.rollbackSubgraph;
  const restored = outcome.restoredVersion ?? cmd.version;
  const target = restored === undefined || restored === null ? 'the previous version' : `version ${restored}`;
  if (ctx.json) printJson(ctx, data);
  else
    printOutcome(
      ctx,
      'rollback',
      outcome,
      `rolled back to ${target}, recorded as version ${outcome.subgraph.currentVersion} (routing URL ${outcome.subgraph.routingUrl}); the gateways switch to it on their next supergraph poll`,
    );
  return outcome.ok ? 0 : 1;
}

async function remove(cmd: Of<'remove'>, ctx: Context): Promise<number> {
  const data = await ctx.client.request('removeSubgraph', { name: cmd.name, force: cmd.force });
  const outcome = data.removeSubgraph;
  if (ctx.json) printJson(ctx, data);
  else printOutcome(ctx, 'removal', outcome, 'removed from the federation; the gateways drop it on their next supergraph poll');
  return outcome.ok ? 0 : 1;
}

function printOutcome(ctx: Context, what: string, outcome: SubgraphChange, done: string): void {
  const { name } = outcome.subgraph;
  const details = formatCheckDetails(outcome.check);
  const body = details.length ? ['', ...details, ''] : [];
  if (outcome.ok) {
    ctx.io.out([...(details.length ? [checkHeadline(name, outcome.check), ...body] : []), `${name}: ${done}`].join('\n'));
    return;
  }
  const broken = brokenOperations(outcome.check).length;
  const hint = forceWouldHelp(outcome.check)
    ? [`--force does it anyway, and ${broken === 1 ? 'that operation breaks' : `those ${broken} operations break`}`]
    : [];
  ctx.io.out(
    [`${name}: ${what} refused: ${outcome.check.errors.length === 1 ? '1 error' : `${outcome.check.errors.length} errors`}`, ...body, ...hint]
      .join('\n')
      .trimEnd(),
  );
}

async function list(ctx: Context): Promise<number> {
  const data = await ctx.client.request('registeredSubgraphs');
  if (ctx.json) printJson(ctx, data);
  else ctx.io.out(formatSubgraphs(data.registeredSubgraphs));
  return 0;
}

async function history(cmd: Of<'history'>, ctx: Context): Promise<number> {
  // Unset, the registry's own default applies.
  const data = await ctx.client.request('subgraphHistory', cmd.last === undefined ? { name: cmd.name } : { name: cmd.name, last: cmd.last });
  if (ctx.json) {
    printJson(ctx, data);
    return data.registeredSubgraph ? 0 : 1;
  }
  const subgraph = data.registeredSubgraph;
  if (!subgraph) throw new CliError(`no subgraph named ${cmd.name} is registered (or your token may not see it)`);
  ctx.io.out(formatHistory(subgraph, subgraph.versions));
  return 0;
}

async function signingSecret(cmd: Of<'register'> | Of<'rotate-secret'>, ctx: Context): Promise<number> {
  const data =
    cmd.command === 'register'
      ? (await ctx.client.request('registerPartnerSubgraph', { name: cmd.name, partnerId: cmd.partner, routingUrl: cmd.url })).registerPartnerSubgraph
      : (await ctx.client.request('rotatePartnerSigningSecret', { name: cmd.name })).rotatePartnerSigningSecret;
  if (ctx.json) {
    printJson(ctx, cmd.command === 'register' ? { registerPartnerSubgraph: data } : { rotatePartnerSigningSecret: data });
    return 0;
  }
  const { subgraph } = data;
  const hint =
    cmd.command === 'register'
      ? `${subgraph.name} registered for partner ${subgraph.partnerId}; its signing secret (below) is shown once: give it to the partner, whose subgraph joins with its first publish`
      : `${subgraph.name}: new signing secret (key generation ${subgraph.keyGeneration}, below) is shown once; the old one stops working at the gateways' next supergraph poll`;
  ctx.io.err(hint);
  // Alone on its line, so that `secret=$(npm run -s subgraph -- register …)` captures it.
  ctx.io.out(data.signingSecret);
  return 0;
}
