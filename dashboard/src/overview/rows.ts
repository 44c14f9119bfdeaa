import type { DistrictStreet, StreetCounts } from '../api/types.ts';

/** One community as the overview table shows it; list-derived counts arrive later, per street. */
export interface CommunityRow {
  id: string;
  name: string;
  nameEn: string;
  streetId: string;
  streetName: string;
  streetNameEn: string;
  population: number;
  households: number;
  representatives: number;
  fundBalanceFen: number;
  openRequests: number | null;
  committeeMembers: number | null;
  partyMembers: number | null;
  volunteers: number | null;
  volunteerHours: number | null;
  servicePoints: number | null;
}

export type SortKey = Exclude<keyof CommunityRow, 'id' | 'nameEn' | 'streetId' | 'streetNameEn'>;
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

export function districtRows(streets: readonly DistrictStreet[], counts: Readonly<Record<string, StreetCounts>>): CommunityRow[] {
  const rows: CommunityRow[] = [];
  for (const s of streets) {
    const byCommunity = new Map((counts[s.id]?.communities ?? []).map((c) => [c.id, c]));
    for (const c of s.communities ?? []) {
      const k = byCommunity.get(c.id);
      rows.push({
        id: c.id,
        name: c.name,
        nameEn: c.nameEn,
        streetId: s.id,
        streetName: s.name,
        streetNameEn: s.nameEn,
        population: c.population,
        households: c.households,
        representatives: c.representativeCount,
        fundBalanceFen: c.fundBalanceFen,
        openRequests: c.serviceRequestStats?.open ?? null,
        committeeMembers: k ? k.committeeMembers.length : null,
        partyMembers: k ? (k.partyOrganization?.memberCount ?? 0) : null,
        volunteers: k ? (k.volunteerStats?.volunteers ?? 0) : null,
        volunteerHours: k ? (k.volunteerStats?.hours ?? 0) : null,
        servicePoints: k ? (k.servicePoints?.length ?? 0) : null,
      });
    }
  }
  return rows;
}

/** Sorts a copy; unknown (still loading) values go last whichever the direction. */
export function sortRows(rows: readonly CommunityRow[], sort: Sort, lang: 'zh' | 'en'): CommunityRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const textKey = (r: CommunityRow): string | null =>
    sort.key === 'name' ? (lang === 'en' ? r.nameEn : r.name) : sort.key === 'streetName' ? (lang === 'en' ? r.streetNameEn : r.streetName) : null;
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en');
  return [...rows].sort((a, b) => {
    const ta = textKey(a);
    const tb = textKey(b);
    if (ta != null && tb != null) return sign * collator.compare(ta, tb) || a.id.localeCompare(b.id);
    const va = a[sort.key] as number | null;
    const vb = b[sort.key] as number | null;
    if (va == null && vb == null) return a.id.localeCompare(b.id);
    if (va == null) return 1;
    if (vb == null) return -1;
    return sign * (va - vb) || a.id.localeCompare(b.id);
  });
}

export function totals(rows: readonly CommunityRow[]): Partial<Record<SortKey, number | null>> {
  const sum = (k: SortKey): number | null => {
    let t = 0;
    for (const r of rows) {
      const v = r[k];
      if (typeof v !== 'number') return null;
      t += v;
    }
    return t;
  };
  const out: Partial<Record<SortKey, number | null>> = {};
  for (const k of [
    'population',
    'households',
    'representatives',
    'fundBalanceFen',
    'openRequests',
    'committeeMembers',
    'partyMembers',
    'volunteers',
    'volunteerHours',
    'servicePoints',
  ] as const)
    out[k] = sum(k);
  return out;
}
