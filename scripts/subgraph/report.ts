// The human format of the registry's answers. Findings are one line each, `CODE at where: message`,
// so that they can be grepped; a multi-line message (federation's composition errors) continues
// indented below it.
import type { Criticality, Finding, SchemaChange, SchemaCheck, SubgraphSummary, SubgraphVersion } from './operations.ts';

export const recordedOperationCode = 'BREAKS_RECORDED_OPERATION';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function indentRest(text: string, indent: string): string {
  return text.replace(/\r?\n/g, `\n${indent}`);
}

export function formatFinding(f: Finding): string {
  return `  ${f.code}${f.where ? ` at ${f.where}` : ''}: ${indentRest(f.message, '      ')}`;
}

const order: Record<Criticality, number> = { BREAKING: 0, DANGEROUS: 1, SAFE: 2 };

/** Breaking first: those are the ones to read. The registry's order is kept within each level. */
export function formatChanges(changes: readonly SchemaChange[]): string[] {
  return [...changes]
    .sort((a, b) => order[a.criticality] - order[b.criticality])
    .map((c) => `  ${c.criticality.padEnd(9)}  ${indentRest(c.message, '             ')}${c.path ? ` (${c.path})` : ''}`);
}

export function countBreaking(changes: readonly SchemaChange[]): number {
  return changes.filter((c) => c.criticality === 'BREAKING').length;
}

export function changeCount(changes: readonly SchemaChange[]): string {
  const breaking = countBreaking(changes);
  return `${plural(changes.length, 'schema change')}${breaking ? ` (${breaking} breaking)` : ''}`;
}

/** The recorded operations (file#name) the check finds broken, refused or forced. */
export function brokenOperations(check: SchemaCheck): string[] {
  return [...new Set([...check.errors, ...check.warnings].filter((f) => f.code === recordedOperationCode).map((f) => f.where ?? f.message))];
}

/** Errors, warnings, the recorded operations they break, the schema changes: everything a check says. */
export function formatCheckDetails(check: SchemaCheck): string[] {
  const lines: string[] = [];
  const section = (title: string, body: string[]) => {
    if (body.length === 0) return;
    if (lines.length) lines.push('');
    lines.push(`${title}:`, ...body);
  };
  section(`Errors (${check.errors.length})`, check.errors.map(formatFinding));
  section(`Warnings (${check.warnings.length})`, check.warnings.map(formatFinding));
  // Forced, the change goes through and they do break; refused, they would have.
  section(
    check.ok ? 'Recorded operations this breaks (forced)' : 'Recorded operations that would break',
    brokenOperations(check).map((op) => `  ${op}`),
  );
  section(`Schema changes (${check.changes.length})`, formatChanges(check.changes));
  return lines;
}

export function checkHeadline(name: string, check: SchemaCheck): string {
  if (!check.ok) return `${name}: the check fails: ${plural(check.errors.length, 'error')}, ${plural(check.warnings.length, 'warning')}`;
  return `${name}: the check passes: ${check.warnings.length ? `${plural(check.warnings.length, 'warning')}, ` : ''}${check.changes.length ? changeCount(check.changes) : 'no schema changes'}`;
}

export function formatCheck(name: string, check: SchemaCheck): string {
  const details = formatCheckDetails(check);
  return [checkHeadline(name, check), ...(details.length ? ['', ...details] : [])].join('\n');
}

/** Only the errors --force waives (recorded operations) stand in the way. */
export const forceWouldHelp = (check: SchemaCheck) => check.errors.length > 0 && check.errors.every((e) => e.code === recordedOperationCode);

export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '-' : String(v));

export function formatSubgraphs(subgraphs: readonly SubgraphSummary[]): string {
  if (subgraphs.length === 0) return 'No subgraphs are registered.';
  return table(
    ['NAME', 'KIND', 'PARTNER', 'VERSION', 'ACTIVE', 'ROUTING URL'],
    subgraphs.map((s) => [s.name, s.kind, dash(s.partnerId), dash(s.currentVersion), s.active ? 'yes' : 'no', s.routingUrl]),
  );
}

/** "3" or "3 (1 breaking: Community.name)": enough to spot the version that broke something. */
export function changesSummary(changes: readonly SchemaChange[], shown = 2): string {
  const breaking = changes.filter((c) => c.criticality === 'BREAKING');
  if (breaking.length === 0) return String(changes.length);
  const names = breaking.slice(0, shown).map((c) => c.path ?? c.message);
  const more = breaking.length > shown ? `, +${breaking.length - shown} more` : '';
  return `${changes.length} (${breaking.length} breaking: ${names.join(', ')}${more})`;
}

// Seconds are enough to tell versions apart; the milliseconds only widen the column.
const instant = (iso: string) => iso.replace(/\.\d+Z$/, 'Z');

export function formatHistory(subgraph: SubgraphSummary, versions: readonly SubgraphVersion[]): string {
  const state = subgraph.active ? `version ${dash(subgraph.currentVersion)} in force` : 'not composed';
  const head = `${subgraph.name} (${subgraph.kind}${subgraph.partnerId ? `, partner ${subgraph.partnerId}` : ''}): ${state}`;
  if (versions.length === 0) return `${head}\nNo versions yet: it joins the federation with its first publish.`;
  return `${head}\n\n${table(
    ['VERSION', 'ACTION', 'ACTOR', 'AT', 'CHANGES'],
    versions.map((v) => [`${v.version}${v.version === subgraph.currentVersion ? '*' : ''}`, v.action, v.actor, instant(v.at), changesSummary(v.changes)]),
  )}${subgraph.currentVersion !== null ? '\n* in force' : ''}`;
}
