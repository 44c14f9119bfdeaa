import { useCallback, useEffect, useMemo, useState } from 'react';
import { isRefusal } from '../api/http.ts';
import { formatFen, formatInt } from '../format.ts';
import { enumLabel, pickName, t, type Lang, type MessageKey } from '../i18n.ts';
import { useSession } from '../session.tsx';
import { sortTasks, sortUnits, taskRows, unitTotals, type TaskRow, type UnitSortKey, type UnitTotals } from '../tasks/funds.ts';
import { loadTaskFunds, type TaskFunds } from '../tasks/load.ts';
import { FundsChart } from './FundsChart.tsx';
import { ErrorNote, Loading, RefusedNote } from './Status.tsx';

type LoadState = { status: 'loading' } | { status: 'error'; message: string; code: string | undefined } | { status: 'done'; data: TaskFunds };

function useTaskFunds(reload: number): LoadState {
  const { token } = useSession();
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload is a counter the page bumps to load again: its change is what must re-run this
  useEffect(() => {
    const ac = new AbortController();
    setState({ status: 'loading' });
    loadTaskFunds(token, ac.signal).then(
      (data) => setState({ status: 'done', data }),
      (e: unknown) => {
        if (ac.signal.aborted) return;
        const err = e as { message?: string; code?: string };
        setState({ status: 'error', message: err.message ?? String(e), code: err.code });
      },
    );
    return () => ac.abort();
  }, [token, reload]);
  return state;
}

const unitColumns: Array<{ key: UnitSortKey; label: MessageKey; num: boolean }> = [
  { key: 'name', label: 'proposer', num: false },
  { key: 'tasks', label: 'tasksCount', num: true },
  { key: 'promisedFen', label: 'fundsPromised', num: true },
  { key: 'deliveredFen', label: 'fundsDelivered', num: true },
  { key: 'unfunded', label: 'unfundedCount', num: true },
];

/** Delegated tasks and whether their money reached the community's ledger (费随事转). */
export function Tasks() {
  const { lang } = useSession();
  const [reload, setReload] = useState(0);
  const q = useTaskFunds(reload);
  const [sort, setSort] = useState<{ key: UnitSortKey; dir: 'asc' | 'desc' }>({ key: 'promisedFen', dir: 'desc' });
  const data = q.status === 'done' ? q.data : null;
  const rows = useMemo(() => (data ? sortTasks(taskRows(data.tasks, data.ledgers)) : []), [data]);
  const units = useMemo(() => sortUnits(unitTotals(rows), sort.key, sort.dir, lang), [rows, sort, lang]);
  const fmt = useCallback((fen: number) => formatFen(fen, lang), [lang]);
  const bars = useMemo(
    () => units.map((u) => ({ key: u.key, label: pickName(lang, u.proposer), promisedFen: u.promisedFen, deliveredFen: u.deliveredFen })),
    [units, lang],
  );
  const retry = () => setReload((n) => n + 1);

  if (q.status === 'loading') return <Loading />;
  if (q.status === 'error')
    return (
      <section aria-labelledby="tasks-title">
        <h2 id="tasks-title">{t(lang, 'tasksTitle')}</h2>
        {isRefusal(q.code) ? <RefusedNote testId="tasks-refused" code={q.code} /> : <ErrorNote message={q.message} onRetry={retry} />}
      </section>
    );

  const ledgerError = q.data.ledgerError;
  const unfunded = rows.filter((r) => !r.funded).length;
  const onSort = (key: UnitSortKey) =>
    setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: key === 'name' ? 'asc' : 'desc' }));
  return (
    <section aria-labelledby="tasks-title">
      <h2 id="tasks-title">{t(lang, 'tasksTitle')}</h2>
      <p className="muted">{t(lang, 'tasksIntro')}</p>
      {ledgerError &&
        (isRefusal(ledgerError.code) ? (
          <RefusedNote testId="ledger-refused" code={ledgerError.code} />
        ) : (
          <ErrorNote message={ledgerError.message} onRetry={retry} />
        ))}
      <div className="toolbar">
        <span className="muted" data-testid="tasks-count">
          {t(lang, 'proposersCount')}: {units.length} · {t(lang, 'tasksCount')}: {rows.length} · {t(lang, 'agreedCount')}:{' '}
          {rows.filter((r) => r.agreedFen != null).length} · {t(lang, 'unfundedCount')}: {unfunded}
        </span>
      </div>
      {rows.length === 0 ? (
        <p className="muted" data-testid="tasks-empty">
          {t(lang, 'noTasks')}
        </p>
      ) : (
        <>
          <h3>{t(lang, 'fundsByProposer')}</h3>
          <FundsChart bars={bars} title={t(lang, 'fundsChartTitle')} promised={t(lang, 'fundsPromised')} delivered={t(lang, 'fundsDelivered')} format={fmt} />
          <UnitTable units={units} lang={lang} sort={sort} onSort={onSort} />
          <h3>{t(lang, 'tasksList')}</h3>
          <TaskTable rows={rows} lang={lang} />
        </>
      )}
    </section>
  );
}

function UnitTable({
  units,
  lang,
  sort,
  onSort,
}: {
  units: UnitTotals[];
  lang: Lang;
  sort: { key: UnitSortKey; dir: 'asc' | 'desc' };
  onSort: (k: UnitSortKey) => void;
}) {
  const sum = (f: (u: UnitTotals) => number) => units.reduce((n, u) => n + f(u), 0);
  return (
    <div className="table-wrap">
      <table className="overview" data-testid="department-funds-table">
        <caption className="sr-only">{t(lang, 'fundsByProposer')}</caption>
        <thead>
          <tr>
            {unitColumns.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={c.num ? 'num' : undefined}
                aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                <button type="button" className="sort" onClick={() => onSort(c.key)} data-sort={c.key}>
                  {t(lang, c.label)}
                  {sort.key === c.key && <span aria-hidden="true">{sort.dir === 'asc' ? ' ▲' : ' ▼'}</span>}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.key} data-unit={u.proposerId} data-unit-type={u.proposerType} data-funded={u.unfunded === 0 ? 'true' : 'false'}>
              <th scope="row">
                {pickName(lang, u.proposer)} <span className="muted small">{enumLabel(lang, u.proposerType)}</span>
              </th>
              <td className="num" data-field="tasks">
                {formatInt(u.tasks, lang)}
              </td>
              <td className="num" data-field="promised">
                {formatFen(u.promisedFen, lang)}
              </td>
              <td className="num" data-field="delivered">
                {formatFen(u.deliveredFen, lang)}
              </td>
              <td className="num" data-field="unfunded">
                {u.unfunded > 0 ? <span className="pill overdue">{formatInt(u.unfunded, lang)}</span> : formatInt(u.unfunded, lang)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t(lang, 'totals')}</th>
            <td className="num">
              {formatInt(
                sum((u) => u.tasks),
                lang,
              )}
            </td>
            <td className="num">
              {formatFen(
                sum((u) => u.promisedFen),
                lang,
              )}
            </td>
            <td className="num">
              {formatFen(
                sum((u) => u.deliveredFen),
                lang,
              )}
            </td>
            <td className="num">
              {formatInt(
                sum((u) => u.unfunded),
                lang,
              )}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function TaskTable({ rows, lang }: { rows: TaskRow[]; lang: Lang }) {
  return (
    <div className="table-wrap">
      <table className="overview" data-testid="tasks-table">
        <caption className="sr-only">{t(lang, 'tasksList')}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'taskTitle')}</th>
            <th scope="col">{t(lang, 'proposer')}</th>
            <th scope="col">{t(lang, 'community')}</th>
            <th scope="col">{t(lang, 'status')}</th>
            <th scope="col" className="num">
              {t(lang, 'agreedFunding')}
            </th>
            <th scope="col" className="num">
              {t(lang, 'ledgerRecorded')}
            </th>
            <th scope="col">{t(lang, 'moneyArrived')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-task={r.id} data-status={r.status} data-funded={r.funded ? 'true' : 'false'}>
              <th scope="row">{r.title}</th>
              <td>
                {pickName(lang, r.proposer)} <span className="muted small">{enumLabel(lang, r.proposerType)}</span>
              </td>
              <td>
                <a href={`#/community/${encodeURIComponent(r.communityId)}`}>{pickName(lang, r.community)}</a>
              </td>
              <td data-field="status">
                <span className={`pill task-${r.status.toLowerCase()}`}>{enumLabel(lang, r.status)}</span>
              </td>
              <td className="num" data-field="agreed">
                {r.agreedFen == null ? <span className="muted">{t(lang, 'notAgreed')}</span> : formatFen(r.agreedFen, lang)}
              </td>
              <td className="num" data-field="delivered">
                {formatFen(r.deliveredFen, lang)}
              </td>
              <td data-field="funded">
                {r.agreedFen == null ? (
                  <span className="muted">—</span>
                ) : r.funded ? (
                  t(lang, 'fundsArrived')
                ) : (
                  <span className="pill overdue" data-testid="unfunded-flag">
                    {r.shortFen == null ? t(lang, 'ledgerUnknown') : `${t(lang, 'fundsShort')} ${formatFen(r.shortFen, lang)}`}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
