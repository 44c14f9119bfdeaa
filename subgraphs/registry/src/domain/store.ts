// The registry's records: which subgraphs are composed now, at which version, and writing a new
// version. A change is checked against the federation as it was read, and written only if the
// federation is still that (the same versions of the same subgraphs): two publishes racing, on
// one registry or two, cannot both land on a stale check.
import { conflict } from '@shequ/kit';
import type { DB } from '../db.js';
import type { Prisma, RegisteredSubgraph, VersionAction } from '../generated/prisma/client.js';
import type { Member } from './check.js';
import type { SchemaChange } from './findings.js';

type Tx = Prisma.TransactionClient;

export interface Federation {
  members: Member[];
  /** Changes whenever any subgraph's composed version, URL or key does. */
  state: string;
  /** Partner subgraph → signing key generation. */
  partnerKeys: Map<string, number>;
}

export async function readFederation(db: DB | Tx): Promise<Federation> {
  const rows = await db.registeredSubgraph.findMany({ where: { active: true, currentVersion: { not: null } }, orderBy: { name: 'asc' } });
  const versions = await db.subgraphVersion.findMany({
    where: { OR: rows.map((r) => ({ subgraphName: r.name, version: r.currentVersion! })) },
    select: { subgraphName: true, sdl: true },
  });
  const sdlOf = new Map(versions.map((v) => [v.subgraphName, v.sdl]));
  const members = rows.filter((r) => sdlOf.get(r.name)).map((r) => ({ name: r.name, url: r.routingUrl, sdl: sdlOf.get(r.name)!, kind: r.kind }));
  const state = JSON.stringify(rows.map((r) => [r.name, r.currentVersion, r.routingUrl, r.keyGeneration]));
  const partnerKeys = new Map(rows.filter((r) => r.kind === 'PARTNER').map((r) => [r.name, r.keyGeneration]));
  return { members, state, partnerKeys };
}

export interface NewVersion {
  action: VersionAction;
  sdl: string | null;
  routingUrl: string;
  actor: string;
  changes: SchemaChange[];
}

/** Writes the next version of `subgraph`, provided the federation is still `checkedState`. */
export async function recordVersion(prisma: DB, subgraph: RegisteredSubgraph, checkedState: string, next: NewVersion): Promise<RegisteredSubgraph> {
  return prisma.$transaction(async (tx) => {
    // One writer at a time, across registry replicas: the lock is released with the transaction.
    await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(7305)`;
    if ((await readFederation(tx)).state !== checkedState) throw conflict('The federation changed while this was being checked; check again');
    const last = await tx.subgraphVersion.findFirst({ where: { subgraphName: subgraph.name }, orderBy: { version: 'desc' }, select: { version: true } });
    const version = (last?.version ?? 0) + 1;
    await tx.subgraphVersion.create({ data: { subgraphName: subgraph.name, version, ...next, changes: next.changes as unknown as Prisma.InputJsonValue } });
    return tx.registeredSubgraph.update({
      where: { name: subgraph.name },
      data: next.action === 'REMOVE' ? { active: false, currentVersion: null } : { active: true, currentVersion: version, routingUrl: next.routingUrl },
    });
  });
}

/** The SDL composed now for `subgraph` (null while it has none). */
export async function currentSdl(prisma: DB, subgraph: RegisteredSubgraph): Promise<string | null> {
  if (subgraph.currentVersion === null) return null;
  const current = await prisma.subgraphVersion.findUnique({
    where: { subgraphName_version: { subgraphName: subgraph.name, version: subgraph.currentVersion } },
  });
  return current?.sdl ?? null;
}
