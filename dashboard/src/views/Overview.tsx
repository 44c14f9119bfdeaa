import { useMemo, useState } from 'react';
import { District } from '../api/operations.ts';
import type { DistrictStreet } from '../api/types.ts';
import { useQuery } from '../api/useQuery.ts';
import { formatFen, formatInt } from '../format.ts';
import { pickName, t, type MessageKey } from '../i18n.ts';
import { districtRows, sortRows, totals, type CommunityRow, type Sort, type SortKey } from '../overview/rows.ts';
import { useStreetCounts } from '../overview/useStreetCounts.ts';
import { href } from '../router.ts';
import { useSession } from '../session.tsx';
import { ErrorNote, Loading } from './Status.tsx';

interface Column {
  key: SortKey;
  label: MessageKey;
  numeric: boolean;
  money?: boolean;
}

const columns: Column[] = [
  { key: 'name', label: 'community', numeric: false },
  { key: 'streetName', label: 'street', numeric: false },
  { key: 'population', label: 'population', numeric: true },
  { key: 'households', label: 'households', numeric: true },
  { key: 'representatives', label: 'representatives', numeric: true },
  { key: 'committeeMembers', label: 'committeeMembers', numeric: true },
  { key: 'partyMembers', label: 'partyMembers', numeric: true },
  { key: 'volunteers', label: 'volunteers', numeric: true },
  { key: 'volunteerHours', label: 'volunteerHours', numeric: true },
  { key: 'servicePoints', label: 'servicePoints', numeric: true },
  { key: 'openRequests', label: 'openRequests', numeric: true },
  { key: 'fundBalanceFen', label: 'fundBalance', numeric: true, money: true },
];

export function Overview() {
  const { lang } = useSession();
  const [reload, setReload] = useState(0);
  const district = useQuery<{ streets: DistrictStreet[] }>(District, {}, reload);
  const streets = district.status === 'done' ? district.data.streets : null;
  const streetIds = useMemo(() => streets?.map((s) => s.id) ?? null, [streets]);
  const counts = useStreetCounts(streetIds);
  const [sort, setSort] = useState<Sort>({ key: 'streetName', dir: 'asc' });
  const [streetFilter, setStreetFilter] = useState('');

  const allRows = useMemo(() => (streets ? districtRows(streets, counts) : []), [streets, counts]);
  const rows = useMemo(
    () => sortRows(streetFilter ? allRows.filter((r) => r.streetId === streetFilter) : allRows, sort, lang),
    [allRows, streetFilter, sort, lang],
  );
  const sums = useMemo(() => totals(rows), [rows]);

  if (district.status === 'loading') return <Loading />;
  if (district.status === 'error') return <ErrorNote message={district.message} onRetry={() => setReload((n) => n + 1)} />;

  const toggle = (key: SortKey, numeric: boolean) =>
    setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: numeric ? 'desc' : 'asc' }));
  const cell = (c: Column, v: number | null) =>
    v == null ? (
      <span>
        <span aria-hidden="true">…</span>
        <span className="sr-only">{t(lang, 'loading')}</span>
      </span>
    ) : c.money ? (
      formatFen(v, lang)
    ) : (
      formatInt(v, lang)
    );

  return (
    <section aria-labelledby="overview-title">
      <h2 id="overview-title">{t(lang, 'navOverview')}</h2>
      <p className="muted">{t(lang, 'overviewIntro')}</p>
      <div className="toolbar">
        <label>
          {t(lang, 'filterStreet')}{' '}
          <select value={streetFilter} onChange={(e) => setStreetFilter(e.target.value)}>
            <option value="">{t(lang, 'allStreets')}</option>
            {streets?.map((s) => (
              <option key={s.id} value={s.id}>
                {pickName(lang, s)}
                {s.pilot ? ` (${t(lang, 'pilot')})` : ''}
              </option>
            ))}
          </select>
        </label>
        <span className="muted" data-testid="community-count">
          {t(lang, 'communitiesCount')}: {rows.length} · {t(lang, 'streets')}: {streetFilter ? 1 : (streets?.length ?? 0)}
        </span>
      </div>
      <div className="table-wrap">
        <table className="overview" data-testid="overview-table">
          <thead>
            <tr>
              {columns.map((c) => {
                const active = sort.key === c.key;
                return (
                  <th
                    key={c.key}
                    scope="col"
                    className={c.numeric ? 'num' : undefined}
                    aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                  >
                    <button type="button" className="sort" onClick={() => toggle(c.key, c.numeric)}>
                      {t(lang, c.label)}
                      <span aria-hidden="true">{active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((r: CommunityRow) => (
              <tr key={r.id} data-community={r.id}>
                <th scope="row">
                  <a href={href({ view: 'community', id: r.id })}>{lang === 'en' ? r.nameEn : r.name}</a>
                </th>
                <td>{lang === 'en' ? r.streetNameEn : r.streetName}</td>
                {columns.slice(2).map((c) => (
                  <td key={c.key} className="num" data-field={c.key}>
                    {cell(c, r[c.key] as number | null)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t(lang, 'totals')}
              </th>
              {columns.slice(2).map((c) => (
                <td key={c.key} className="num" data-total={c.key}>
                  {cell(c, sums[c.key] ?? null)}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
