// Publishing, rolling back and removing a partner subgraph: check the change against the
// federation as it stands, and record it only if the check passes (and nothing changed meanwhile).
// The gateways pick the new supergraph up on their next poll and switch with graceful draining.
import { badInput, conflict, type Caller } from '@shequ/kit';
import type { DB } from '../db.js';
import type { RegisteredSubgraph, VersionAction } from '../generated/prisma/client.js';
import { checkChange } from './check.js';
import type { CheckReport } from './findings.js';
import { recordedOperations } from './operations.js';
import { currentSdl, readFederation, recordVersion } from './store.js';

export interface Outcome {
  report: CheckReport;
  /** The subgraph as it is now: changed when the report is ok. */
  subgraph: RegisteredSubgraph;
  /** For a rollback: the version whose SDL it brought back. */
  restoredVersion?: number;
}

const maxSdlBytes = 500_000;

export function requireRoutingUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badInput(`"${url}" is not a URL`, { field: 'routingUrl' });
  }
  if (!['http:', 'https:'].includes(parsed.protocol)) throw badInput('A routing URL is http(s)://…', { field: 'routingUrl' });
  return parsed.toString();
}

export const actorOf = (caller: Caller) => `${caller.role}:${caller.subject ?? caller.partnerId ?? 'unknown'}`;

/** The check of `sdl` (null: removal) for `subgraph`, without recording anything. */
export async function checkProposal(prisma: DB, subgraph: RegisteredSubgraph, sdl: string | null, routingUrl: string, force = false) {
  if (sdl !== null && Buffer.byteLength(sdl) > maxSdlBytes) throw badInput(`An SDL has at most ${maxSdlBytes} bytes`, { field: 'sdl' });
  const federation = await readFederation(prisma);
  const next = sdl === null ? null : { name: subgraph.name, url: routingUrl, sdl };
  const report = await checkChange(federation.members, { name: subgraph.name, kind: 'PARTNER', next, force }, recordedOperations());
  return { report, state: federation.state };
}

export async function applyProposal(
  prisma: DB,
  caller: Caller,
  subgraph: RegisteredSubgraph,
  action: Exclude<VersionAction, 'SYNC'>,
  sdl: string | null,
  routingUrl: string,
  force: boolean,
): Promise<Outcome> {
  const { report, state } = await checkProposal(prisma, subgraph, sdl, routingUrl, force);
  if (!report.ok) return { report, subgraph };
  // Publishing what is composed now changes nothing: no version for it (as rover and hive do).
  if (action === 'PUBLISH' && subgraph.active && routingUrl === subgraph.routingUrl && sdl === (await currentSdl(prisma, subgraph)))
    return { report, subgraph };
  const updated = await recordVersion(prisma, subgraph, state, { action, sdl, routingUrl, actor: actorOf(caller), changes: report.changes });
  return { report, subgraph: updated };
}

/** The SDL of version `version`, or of the version in force before the current one. */
export async function rollbackTarget(
  prisma: DB,
  subgraph: RegisteredSubgraph,
  version: number | null | undefined,
): Promise<{ sdl: string; routingUrl: string; version: number }> {
  const history = await prisma.subgraphVersion.findMany({ where: { subgraphName: subgraph.name, sdl: { not: null } }, orderBy: { version: 'desc' } });
  const target = version
    ? history.find((v) => v.version === version)
    : history.find((v) => v.version !== subgraph.currentVersion && v.sdl !== history.find((h) => h.version === subgraph.currentVersion)?.sdl);
  if (!target)
    throw version
      ? badInput(`${subgraph.name} has no version ${version} with an SDL`, { field: 'version' })
      : conflict(`${subgraph.name} has no earlier version to roll back to`);
  return { sdl: target.sdl!, routingUrl: target.routingUrl, version: target.version };
}
