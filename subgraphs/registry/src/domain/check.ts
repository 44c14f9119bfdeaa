// A proposed change to the federation — a subgraph's new SDL, or its removal — checked all at
// once: the partner policy, composition (with federation's error codes), and the API schema's
// changes against the recorded client operations. Only problems the change brings count: an
// operation that was already broken before it does not block it.
import { compose, type SubgraphSource } from '@shequ/kit/federation/supergraph';
import type { RecordedOperation } from '@shequ/kit/federation/operations';
import { apiChanges, apiSchema, brokenOperations, changeWarnings } from './breaking.js';
import type { CheckReport, Finding } from './findings.js';
import { policyFindings } from './policy.js';

export interface Member extends SubgraphSource {
  kind: 'CORE' | 'PARTNER';
}

export interface ProposedChange {
  name: string;
  kind: 'CORE' | 'PARTNER';
  /** The subgraph as it would be; null to remove it. */
  next: SubgraphSource | null;
  /** Accept breaking recorded operations (they are reported as warnings). */
  force?: boolean;
}

const key = (f: Finding) => `${f.where}\u0000${f.message}`;

export async function checkChange(members: readonly Member[], change: ProposedChange, operations: readonly RecordedOperation[]): Promise<CheckReport> {
  const errors: Finding[] = [];
  if (change.kind === 'PARTNER' && change.next) {
    errors.push(
      ...policyFindings(
        change.next,
        members.filter((m) => m.kind === 'CORE'),
        members.filter((m) => m.kind === 'PARTNER' && m.name !== change.name),
      ),
    );
    // An SDL that does not parse has nothing more to check (composition would say the same).
    if (errors.some((e) => e.code === 'INVALID_GRAPHQL')) return { ok: false, errors, warnings: [], changes: [] };
  }
  const after = [...members.filter((m) => m.name !== change.name), ...(change.next ? [change.next] : [])];
  const composed = compose(after);
  if (!composed.ok) {
    errors.push(...composed.errors.map((e) => ({ code: e.code, message: e.message, where: change.name })));
    return { ok: false, errors, warnings: [], changes: [] };
  }
  const before = compose([...members]);
  const afterSchema = apiSchema(composed.publicSdl);
  const beforeSchema = before.ok ? apiSchema(before.publicSdl) : null;
  const changes = beforeSchema ? await apiChanges(beforeSchema, afterSchema) : [];
  const brokenBefore = new Set(beforeSchema ? brokenOperations(beforeSchema, operations).map(key) : []);
  const broken = brokenOperations(afterSchema, operations).filter((f) => !brokenBefore.has(key(f)));
  const warnings = changeWarnings(changes, broken);
  if (change.force) warnings.unshift(...broken.map((f) => ({ ...f, message: `${f.message} (forced)` })));
  else errors.push(...broken);
  return { ok: errors.length === 0, errors, warnings, changes };
}
