import type { GraphQLError as GraphQLErrorType } from 'graphql';

/**
 * The GraphQLError class the runtime uses. graphql 16 has no `exports` map: Node resolves bare
 * `graphql` to its CommonJS build (index.js), but Vite (so Vitest) picks the ESM build
 * (index.mjs) for our sources. Two classes then exist and Yoga, seeing an error of the
 * other class, rewraps it and drops its code and path. Naming the CommonJS entry gives one
 * class under Node and under Vitest alike.
 */
export { GraphQLError } from 'graphql/index.js';

/** Class-independent check, for errors made by code that imported the other build. */
export function isGraphQLError(value: unknown): value is GraphQLErrorType {
  return Object.prototype.toString.call(value) === '[object GraphQLError]';
}
