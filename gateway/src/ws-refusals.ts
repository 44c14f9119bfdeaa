// Over HTTP, an error a plugin throws before execution becomes the response (the runtime's
// persisted documents throw PERSISTED_QUERY_NOT_FOUND for an unknown hash); over graphql-ws the
// same throw closes the whole socket with 4500, every other subscription on it too. A refusal with
// one of the codes clients may see becomes that one operation's error result instead; anything
// else is thrown on as before.
import type { ServerOptions } from 'graphql-ws';
import { GraphQLError, isGraphQLError } from './graphql-error.ts';

export function refusalsAsResults<P extends Record<string, unknown> | undefined, E>(
  options: ServerOptions<P, E>,
  codes: readonly string[],
): ServerOptions<P, E> {
  const exposed = new Set(codes);
  type Run = NonNullable<ServerOptions<P, E>['execute']>;
  const guard = (run: Run | undefined): Run | undefined =>
    run &&
    (async (args) => {
      try {
        return await run(args);
      } catch (error) {
        const code = isGraphQLError(error) ? error.extensions?.code : undefined;
        if (typeof code !== 'string' || !exposed.has(code)) throw error;
        return { errors: [new GraphQLError((error as Error).message, { extensions: { code } })] };
      }
    });
  return { ...options, execute: guard(options.execute), subscribe: guard(options.subscribe) };
}
