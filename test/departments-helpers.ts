// Shared by the departments end-to-end tests: operations and callers of the delegated-task workflow,
// and a view of a community's ledger in committees.
import type { TokenClaims } from '@shequ/kit';
import type { TestFederation } from '@shequ/testing';
import type { DB } from '../subgraphs/departments/src/db.js';

export const community = 'community-minzu-03';
export const health: TokenClaims = { role: 'DEPARTMENT_STAFF', departmentId: 'dept-health', sub: 'staff-dept-health-02' };
export const committee: TokenClaims = { role: 'COMMITTEE_STAFF', communityId: community };

export const taskFields =
  'id status budgetFen counterBudgetFen agreedBudgetFen declineReason transfer { eventId status amountFen attempts } history { action status budgetFen actorRole actorUnitId }';
export const propose = `mutation($input: ProposeDelegatedTaskInput!) { proposeDelegatedTask(input: $input) { ${taskFields} } }`;

/** A workflow mutation: step('counterProposeDelegatedTask', 'budgetFen: Fen!') takes $id and $budgetFen. */
export function step(name: string, ...params: string[]): string {
  const all = ['id: ID!', ...params];
  const names = all.map((p) => p.split(':')[0]!.trim());
  return `mutation(${all.map((p) => `$${p}`).join(', ')}) { ${name}(${names.map((n) => `${n}: $${n}`).join(', ')}) { ${taskFields} } }`;
}

export const proposal = (over: Record<string, unknown> = {}) => ({
  title: '居民健康讲座组织',
  description: '社区组织居民参加季度健康讲座，卫生局派医生主讲',
  communityId: community,
  budgetFen: 300_000,
  ...over,
});

export interface LedgerEntry {
  amountFen: number;
  reference: string | null;
  category: string;
}

/** The community's balance and entries as committees reports them (null when it cannot). */
export async function ledger(hub: TestFederation, communityId = community) {
  const res = await hub.query<{ community: { fundBalanceFen: number } | null; ledgerEntries: { edges: { node: LedgerEntry }[] } | null }>(
    'query($c: ID!) { community(id: $c) { fundBalanceFen } ledgerEntries(communityId: $c, first: 500) { edges { node { amountFen reference category } } } }',
    { c: communityId },
  );
  return { balance: res.data?.community?.fundBalanceFen ?? null, entries: res.data?.ledgerEntries?.edges.map((e) => e.node) ?? null, errors: res.errors };
}

/** The ledger entries a delegated task's funding produced. */
export async function entriesFor(hub: TestFederation, taskId: string, communityId = community): Promise<LedgerEntry[]> {
  return (await ledger(hub, communityId)).entries!.filter((e) => e.reference === `delegated-task:${taskId}`);
}

/** Undelivered outbox events of departments. */
export async function pendingTransfers(hub: TestFederation): Promise<number> {
  const rows = await hub.subgraphs.departments!.db.prisma.$queryRawUnsafe<{ n: number }[]>(
    'SELECT count(*)::int AS n FROM "OutboxEvent" WHERE "deliveredAt" IS NULL',
  );
  return rows[0]!.n;
}

/** The departments subgraph's own database, to look at its outbox. */
export const departmentsDb = (hub: TestFederation) => hub.subgraphs.departments!.db.prisma as unknown as DB;
