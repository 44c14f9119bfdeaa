import { useMemo, useState } from 'react';
import { isRefusal } from '../api/http.ts';
import { Commitments as CommitmentsQuery, ServicePointPublicity } from '../api/operations.ts';
import type { CommitmentsData, OwnerType, ServicePointPublicity as PointPublicity } from '../api/types.ts';
import { useQuery } from '../api/useQuery.ts';
import { filterGroups, ownerGroups, ownerTypes, type OwnerGroup } from '../commitments/groups.ts';
import { districtToday } from '../deadline.ts';
import { enumLabel, pickName, t, type Lang } from '../i18n.ts';
import { useSession } from '../session.tsx';
import { ErrorNote, Loading, RefusedNote } from './Status.tsx';

/** Every owner's promises come in one list (one commitment system); service points' notices and names join when services answers. */
export function Commitments() {
  const { lang } = useSession();
  const [reload, setReload] = useState(0);
  const main = useQuery<CommitmentsData>(CommitmentsQuery, {}, reload);
  const points = useQuery<{ servicePoints: PointPublicity[] }>(ServicePointPublicity, {}, reload);
  const [ownerType, setOwnerType] = useState<OwnerType | ''>('');
  const data = main.status === 'done' ? main.data : null;
  const spData = points.status === 'done' ? points.data.servicePoints : null;
  const all = useMemo(() => ownerGroups(data, spData, districtToday(), lang), [data, spData, lang]);
  const groups = useMemo(() => filterGroups(all, ownerType), [all, ownerType]);

  if (main.status === 'loading') return <Loading />;
  const retry = () => setReload((n) => n + 1);
  if (main.status === 'error')
    return (
      <section aria-labelledby="commitments-title">
        <h2 id="commitments-title">{t(lang, 'commitmentsTitle')}</h2>
        {isRefusal(main.code) ? <RefusedNote testId="commitments-refused" code={main.code} /> : <ErrorNote message={main.message} onRetry={retry} />}
      </section>
    );

  const promised = groups.reduce((n, g) => n + g.commitments.length, 0);
  const published = groups.reduce((n, g) => n + g.notices.length, 0);
  return (
    <section aria-labelledby="commitments-title">
      <h2 id="commitments-title">{t(lang, 'commitmentsTitle')}</h2>
      <p className="muted">{t(lang, 'commitmentsIntro')}</p>
      <div className="toolbar">
        <label>
          {t(lang, 'filterOwner')}{' '}
          <select value={ownerType} onChange={(e) => setOwnerType(e.target.value as OwnerType | '')} data-testid="commitments-owner-filter">
            <option value="">{t(lang, 'allOwners')}</option>
            {ownerTypes.map((k) => (
              <option key={k} value={k}>
                {enumLabel(lang, k)}
              </option>
            ))}
          </select>
        </label>
        <span className="muted" data-testid="commitments-count">
          {t(lang, 'ownersCount')}: {groups.length} · {t(lang, 'commitmentsCount')}: {promised} · {t(lang, 'noticesCount')}: {published}
        </span>
      </div>
      {points.status === 'loading' && <Loading />}
      {points.status === 'error' &&
        (isRefusal(points.code) ? <RefusedNote testId="service-points-refused" code={points.code} /> : <ErrorNote message={points.message} onRetry={retry} />)}
      {groups.length === 0 ? (
        <p className="muted" data-testid="commitments-empty">
          {t(lang, 'noOwners')}
        </p>
      ) : (
        <div className="owners" data-testid="commitment-groups">
          {groups.map((g) => (
            <OwnerCard key={g.key} group={g} lang={lang} />
          ))}
        </div>
      )}
    </section>
  );
}

function OwnerCard({ group: g, lang }: { group: OwnerGroup; lang: Lang }) {
  const titleId = `owner-${g.key.replace(/[^\w-]/g, '_')}`;
  return (
    <section className="card" aria-labelledby={titleId} data-testid="commitment-group" data-owner={g.key} data-owner-type={g.ownerType}>
      <h3 id={titleId}>
        {pickName(lang, g.owner)} <span className="muted small">{enumLabel(lang, g.ownerType)}</span>
        {g.place && <span className="muted small"> · {pickName(lang, g.place)}</span>}
      </h3>
      {g.counts.total > 0 && (
        <p className="small" data-testid="commitment-summary" data-kept={g.counts.kept} data-broken={g.counts.broken} data-pending={g.counts.pending}>
          {enumLabel(lang, 'KEPT')}: {g.counts.kept} ·{' '}
          <span className={g.counts.broken > 0 ? 'against' : undefined}>
            {enumLabel(lang, 'BROKEN')}: {g.counts.broken}
          </span>{' '}
          · {enumLabel(lang, 'PENDING')}: {g.counts.pending}
          {g.counts.overdue > 0 && ` (${t(lang, 'overdue')}: ${g.counts.overdue})`}
        </p>
      )}
      {g.commitments.length === 0 ? (
        <p className="muted small">{t(lang, 'noCommitments')}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="commitment-table">
            <thead>
              <tr>
                <th scope="col">{t(lang, 'commitment')}</th>
                <th scope="col">{t(lang, 'measurableTarget')}</th>
                <th scope="col">{t(lang, 'dueBy')}</th>
                <th scope="col">{t(lang, 'status')}</th>
                <th scope="col">{t(lang, 'outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {g.commitments.map((c) => (
                <tr key={c.id} data-commitment={c.id} data-status={c.status} data-overdue={c.overdue ? 'true' : 'false'}>
                  <th scope="row">{c.title}</th>
                  <td>{c.target}</td>
                  <td className="nowrap">
                    {c.deadline}
                    {c.overdue && (
                      <>
                        {' '}
                        <span className="pill overdue">{t(lang, 'overdue')}</span>
                      </>
                    )}
                  </td>
                  <td>
                    <span className={`pill promise-${c.status.toLowerCase()}`}>{enumLabel(lang, c.status)}</span>
                  </td>
                  <td data-testid="commitment-assessment" data-assessed={c.assessed.count} data-of={c.assessed.of}>
                    <span className="muted small">
                      {t(lang, 'assessedBy')}: {c.assessed.count}/{c.assessed.of}
                    </span>
                    {c.latest && (
                      <div className="small">
                        {t(lang, 'latestEvidence')} {c.latest.assessedOn} · {pickName(lang, c.latest.community ?? { name: c.latest.communityId })} ·{' '}
                        {enumLabel(lang, c.latest.verdict)}：{c.latest.evidence}
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {g.notices.length > 0 && (
        <>
          <h4>{t(lang, 'notices')}</h4>
          <ul className="notices" data-testid="notice-list">
            {g.notices.map((n) => (
              <li key={n.id} data-notice={n.id}>
                <strong>{n.title}</strong>
                {n.kind && <span className="muted small"> · {enumLabel(lang, n.kind)}</span>}
                <span className="muted small">
                  {' '}
                  · {t(lang, 'published')} {districtToday(new Date(n.publishedAt))}
                  {n.expiresAt && ` · ${t(lang, 'expires')} ${districtToday(new Date(n.expiresAt))}`}
                </span>
                <div className="small">{n.body}</div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
