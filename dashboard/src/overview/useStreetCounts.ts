import { useEffect, useState } from 'react';
import { query } from '../api/http.ts';
import { StreetCounts as StreetCountsDoc } from '../api/operations.ts';
import type { StreetCounts } from '../api/types.ts';
import { useSession } from '../session.tsx';

const PARALLEL = 3;

/**
 * Counts that come from lists (committee members, service points) would cost 16,000 for the
 * whole district in one operation; one street at a time costs under 1,000, so fetch them per
 * street, a few at once, and let the table fill in.
 */
export function useStreetCounts(streetIds: readonly string[] | null): Record<string, StreetCounts> {
  const { token } = useSession();
  const [counts, setCounts] = useState<Record<string, StreetCounts>>({});
  const key = streetIds?.join(',') ?? '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by the street ids' joined key: a new array of the same ids must not refetch
  useEffect(() => {
    if (!streetIds) return;
    const ac = new AbortController();
    const pending = [...streetIds];
    setCounts({});
    const worker = async () => {
      for (let id = pending.shift(); id !== undefined && !ac.signal.aborted; id = pending.shift()) {
        try {
          const r = await query<{ street: StreetCounts | null }>(StreetCountsDoc, { streetId: id }, token, ac.signal);
          const street = r.data?.street;
          if (street && !ac.signal.aborted) setCounts((c) => ({ ...c, [street.id]: street }));
        } catch {
          /* that street's columns stay "…": the rest of the table is still right */
        }
      }
    };
    for (let i = 0; i < PARALLEL; i++) void worker();
    return () => ac.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the ids' value
  }, [key, token]);
  return counts;
}
