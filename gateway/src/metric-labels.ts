// Label values that stay bounded and free of what clients put in requests: an operation name only
// if well-formed and among the first MAX_OPERATION_NAMES seen, an error code only if it looks like one.
import type { GraphQLError } from 'graphql';

/** Operation names are chosen by clients: past this many distinct ones, the rest count as "other". */
const MAX_OPERATION_NAMES = 200;

/** Operation name → label: the name if well-formed and among the first MAX_OPERATION_NAMES seen, else "other". */
export type OperationLabel = (name: string | null | undefined) => string;

export function operationLabels(): OperationLabel {
  const names = new Set<string>();
  return (name) => {
    if (!name) return 'anonymous';
    if (!/^[_A-Za-z][_0-9A-Za-z]{0,63}$/.test(name)) return 'other';
    if (names.has(name)) return name;
    if (names.size >= MAX_OPERATION_NAMES) return 'other';
    names.add(name);
    return name;
  };
}

export function codeOf(error: unknown, fallback: string): string {
  const code = (error as GraphQLError | undefined)?.extensions?.code;
  return typeof code === 'string' && /^[A-Z_]{1,64}$/.test(code) ? code : fallback;
}
