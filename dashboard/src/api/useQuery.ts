import { useEffect, useState } from 'react';
import { query, type GraphQLResult } from './http.ts';
import type { operations } from './operations.ts';
import { useSession } from '../session.tsx';

export type QueryState<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string; code: string | undefined }
  | { status: 'done'; data: T; errors: GraphQLResult<T>['errors'] };

/** Runs a recorded query for the current caller; runs again when the token or variables change. */
export function useQuery<T>(document: (typeof operations)[keyof typeof operations], variables: Record<string, unknown> | null, reloadKey = 0): QueryState<T> {
  const { token, reportUnauthenticated } = useSession();
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  const varsKey = JSON.stringify(variables);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by the variables' JSON and a reload counter: a new object of the same variables must not refetch
  useEffect(() => {
    if (variables === null) return;
    const ac = new AbortController();
    setState({ status: 'loading' });
    query<T>(document, variables, token, ac.signal).then(
      (r) => setState({ status: 'done', data: r.data as T, errors: r.errors }),
      (e: unknown) => {
        if (ac.signal.aborted) return;
        const err = e as { message?: string; code?: string };
        // With a token, UNAUTHENTICATED means the token itself is no longer accepted (expired).
        if (err.code === 'UNAUTHENTICATED' && token) reportUnauthenticated(token);
        setState({ status: 'error', message: err.message ?? String(e), code: err.code });
      },
    );
    return () => ac.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- variables compared by value
  }, [document, varsKey, token, reloadKey]);
  return state;
}
