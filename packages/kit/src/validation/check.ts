// How a broken rule reaches the client: BAD_USER_INPUT naming the field, the shape every subgraph
// used before the rules moved here (`extensions: { code: 'BAD_USER_INPUT', field }`).
import type { StandardSchemaV1 } from '@pothos/plugin-validation';
import type { GraphQLError } from 'graphql';
import { badInput } from '../errors.js';

type Issue = StandardSchemaV1.Issue;

/** The input field an issue is about: the last name on its path (`input.phone` → `phone`). */
export function issueField(issue: Issue): string | undefined {
  const names = (issue.path ?? []).map((step) => (typeof step === 'object' ? step.key : step)).filter((step) => typeof step === 'string');
  return names.at(-1);
}

/** The first issue as BAD_USER_INPUT: `<field> <message>`, the field in `extensions.field`. */
export function inputError(issues: readonly Issue[], field = issues[0] ? issueField(issues[0]) : undefined): GraphQLError {
  const message = issues[0]?.message ?? 'is not valid';
  return field ? badInput(`${field} ${message}`, { field }) : badInput(message);
}

/**
 * A rule applied inside a resolver: the clean value, or BAD_USER_INPUT naming `field`. Only for
 * synchronous rules (all of rules.ts).
 */
export function check<Input, Output>(rule: StandardSchemaV1<Input, Output>, value: Input, field: string): Output {
  const result = rule['~standard'].validate(value);
  if (result instanceof Promise) throw new TypeError(`check(${field}): asynchronous rules are not supported`);
  if (result.issues) throw inputError(result.issues, field);
  return result.value;
}
