import { useMemo, useState } from 'react';
import { isRefusal } from '../api/http.ts';
import { RectificationBoard } from '../api/operations.ts';
import type { RectificationCase, RectificationStatus } from '../api/types.ts';
import { useQuery } from '../api/useQuery.ts';
import { districtToday } from '../deadline.ts';
import { enumLabel, t, type Lang, type MessageKey } from '../i18n.ts';
import { appealState, caseRows, filterCases, sortCases, statuses, targetName, type AppealState, type CaseRow } from '../rectification/cases.ts';
import { useSession } from '../session.tsx';
import { ErrorNote, Loading, RefusedNote } from './Status.tsx';

const appealLabel: Record<AppealState, MessageKey> = {
  none: 'appealNone',
  pending: 'appealPending',
  UPHELD: 'appealUpheld',
  REJECTED: 'appealRejected',
};

export function Rectification() {
  const { lang } = useSession();
  const [reload, setReload] = useState(0);
  const q = useQuery<{ rectificationCases: RectificationCase[] }>(RectificationBoard, {}, reload);
  const [status, setStatus] = useState<RectificationStatus | ''>('');
  const [dir, setDir] = useState<'asc' | 'desc'>('asc');
  const cases = q.status === 'done' ? q.data.rectificationCases : null;
  const all = useMemo(() => (cases ? caseRows(cases, districtToday()) : []), [cases]);
  const rows = useMemo(() => sortCases(filterCases(all, status), dir), [all, status, dir]);

  if (q.status === 'loading') return <Loading />;
  if (q.status === 'error')
    return (
      <section aria-labelledby="rectification-title">
        <h2 id="rectification-title">{t(lang, 'rectificationTitle')}</h2>
        {isRefusal(q.code) ? (
          <RefusedNote testId="rectification-refused" code={q.code} />
        ) : (
          <ErrorNote message={q.message} onRetry={() => setReload((n) => n + 1)} />
        )}
      </section>
    );

  return (
    <section aria-labelledby="rectification-title">
      <h2 id="rectification-title">{t(lang, 'rectificationTitle')}</h2>
      <p className="muted">{t(lang, 'rectificationIntro')}</p>
      {q.errors.length > 0 && (
        <p className="note" data-testid="rectification-partial">
          {t(lang, 'partlyHidden')}
        </p>
      )}
      <div className="toolbar">
        <label>
          {t(lang, 'filterStatus')}{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value as RectificationStatus | '')} data-testid="rectification-status-filter">
            <option value="">{t(lang, 'allStatuses')}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {enumLabel(lang, s)}
              </option>
            ))}
          </select>
        </label>
        <span className="muted" data-testid="rectification-count">
          {t(lang, 'casesCount')}: {rows.length} · {t(lang, 'openCount')}: {rows.filter((r) => r.open).length} · {t(lang, 'overdueCount')}:{' '}
          {rows.filter((r) => r.overdue).length}
        </span>
      </div>
      {rows.length === 0 ? (
        <p className="muted" data-testid="rectification-empty">
          {t(lang, 'noCases')}
        </p>
      ) : (
        <CaseTable rows={rows} lang={lang} dir={dir} onSort={() => setDir((d) => (d === 'asc' ? 'desc' : 'asc'))} />
      )}
    </section>
  );
}

function CaseTable({ rows, lang, dir, onSort }: { rows: CaseRow[]; lang: Lang; dir: 'asc' | 'desc'; onSort: () => void }) {
  return (
    <div className="table-wrap">
      <table className="rectification" data-testid="rectification-table">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'target')}</th>
            <th scope="col">{t(lang, 'campaign')}</th>
            <th scope="col">{t(lang, 'status')}</th>
            <th scope="col" aria-sort={dir === 'asc' ? 'ascending' : 'descending'}>
              <button type="button" className="sort" onClick={onSort}>
                {t(lang, 'deadline')}
                <span aria-hidden="true">{dir === 'asc' ? ' ▲' : ' ▼'}</span>
              </button>
            </th>
            <th scope="col" className="num">
              {t(lang, 'badReviews')}
            </th>
            <th scope="col">{t(lang, 'plan')}</th>
            <th scope="col">{t(lang, 'appeal')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-case={r.id} data-status={r.status} data-overdue={r.overdue ? 'true' : 'false'} className={r.open ? undefined : 'resolved'}>
              <th scope="row">
                {targetName(lang, r)} <span className="muted small">{enumLabel(lang, r.targetKind)}</span>
              </th>
              <td>{r.campaign?.title ?? '—'}</td>
              <td data-field="status">
                <span className={`pill rect-${r.status.toLowerCase()}`}>{enumLabel(lang, r.status)}</span>
              </td>
              <td data-field="deadline" className="nowrap">
                {r.deadline}
                {r.overdue && (
                  <>
                    {' '}
                    <span className="pill overdue" data-testid="overdue-flag">
                      {t(lang, 'overdue')}
                    </span>
                  </>
                )}
              </td>
              <td className="num">{r.badReviews}</td>
              <td data-field="plan">
                {r.plan ?? <span className="muted">{t(lang, 'noPlan')}</span>}
                {r.revisionNote && (
                  <div className="small">
                    {t(lang, 'sentBack')}: {r.revisionNote}
                  </div>
                )}
              </td>
              <td data-field="appeal">{t(lang, appealLabel[appealState(r)])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
