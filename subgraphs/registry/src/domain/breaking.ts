// Breaking changes judged against real clients. The API schema's diff comes from
// @graphql-inspector/core; a change that makes a recorded operation (schema/operations/, the
// dashboards' and feeds' operations) invalid is an error naming the operation and its problem,
// other breaking and dangerous changes are warnings.
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import type { RecordedOperation } from '@shequ/kit/federation/operations';
import { buildSchema, Kind, parse, validate, type GraphQLSchema } from 'graphql';
import type { Finding, SchemaChange } from './findings.js';

const criticality = { [CriticalityLevel.Breaking]: 'BREAKING', [CriticalityLevel.Dangerous]: 'DANGEROUS', [CriticalityLevel.NonBreaking]: 'SAFE' } as const;

export async function apiChanges(before: GraphQLSchema, after: GraphQLSchema): Promise<SchemaChange[]> {
  return (await diff(before, after)).map((c) => ({ type: c.type, criticality: criticality[c.criticality.level], message: c.message, path: c.path ?? null }));
}

export const apiSchema = (publicSdl: string) => buildSchema(publicSdl, { assumeValidSDL: true });

function operationName(op: RecordedOperation): string {
  const document = parse(op.document, { noLocation: true });
  const named = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.name);
  return named && named.kind === Kind.OPERATION_DEFINITION ? named.name!.value : `(anonymous ${op.hash.slice(0, 12)})`;
}

/** One error per problem a recorded operation has against the schema. */
export function brokenOperations(schema: GraphQLSchema, operations: readonly RecordedOperation[]): Finding[] {
  return operations.flatMap((op) => {
    const name = operationName(op);
    return validate(schema, parse(op.document)).map((error) => ({
      code: 'BREAKS_RECORDED_OPERATION',
      message: `operation ${name} (${op.file}) would fail: ${error.message}`,
      where: `${op.file}#${name}`,
    }));
  });
}

/** A field change (`Type.field`) that one of these broken operations already reports. */
function reportedBy(broken: readonly Finding[], path: string | null): boolean {
  const [type, field] = path?.split('.') ?? [];
  return Boolean(type && field && broken.some((f) => f.message.includes(`field "${field}" on type "${type}"`)));
}

/** Breaking and dangerous changes that break no recorded operation: worth knowing, not refusing. */
export function changeWarnings(changes: readonly SchemaChange[], broken: readonly Finding[] = []): Finding[] {
  return changes
    .filter((c) => c.criticality !== 'SAFE' && !reportedBy(broken, c.path))
    .map((c) => ({ code: c.criticality === 'BREAKING' ? 'BREAKING_CHANGE' : 'DANGEROUS_CHANGE', message: c.message, where: c.path ?? undefined }));
}
