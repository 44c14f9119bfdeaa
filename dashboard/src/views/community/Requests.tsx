import { CommunityRequests } from '../../api/operations.ts';
import type { CommunityDetail, CommunityRequestList } from '../../api/types.ts';
import { useQuery } from '../../api/useQuery.ts';
import { isRefusal } from '../../api/http.ts';
import { formatInt, formatPercent } from '../../format.ts';
import { enumLabel, pickName, t, type Lang } from '../../i18n.ts';
import { ErrorNote, Loading } from '../Status.tsx';

/**
 * Service points and requests. The counts are public; the requests themselves only for the
 * community's own staff and district administrators, as the API decides: everyone else is told so.
 */
export function Requests({ c, lang }: { c: CommunityDetail; lang: Lang }) {
  const stats = c.serviceRequestStats;
  return (
    <section className="card wide" aria-labelledby="points">
      <h3 id="points">{t(lang, 'servicePoints')}</h3>
      {!c.servicePoints?.length ? (
        <p className="muted">{t(lang, 'none')}</p>
      ) : (
        <ul>
          {c.servicePoints.map((p) => (
            <li key={p.id}>
              <strong>{pickName(lang, p)}</strong> — {pickName(lang, p.item)} · {t(lang, 'openingHours')}: {p.openingHours}
              {p.inService ? ` · ${t(lang, 'inService')}` : ''}
            </li>
          ))}
        </ul>
      )}
      <h4>{t(lang, 'requests')}</h4>
      {stats && (
        <p data-testid="request-stats">
          {t(lang, 'total')} {formatInt(stats.total, lang)} · {t(lang, 'open')} {formatInt(stats.open, lang)} · {t(lang, 'closed')}{' '}
          {formatInt(stats.closed, lang)} · {t(lang, 'satisfaction')} {formatPercent(stats.satisfactionRate, lang)}
        </p>
      )}
      <RequestList communityId={c.id} lang={lang} />
    </section>
  );
}

function RequestList({ communityId, lang }: { communityId: string; lang: Lang }) {
  const q = useQuery<CommunityRequestList>(CommunityRequests, { id: communityId });
  if (q.status === 'loading') return <Loading />;
  const refusal = q.status === 'error' ? (isRefusal(q.code) ? q.code : undefined) : q.errors.find((e) => isRefusal(e.extensions?.code))?.extensions?.code;
  if (refusal)
    return (
      <p className="note" data-testid="requests-refused" data-code={refusal}>
        {t(lang, 'requestsRestricted')}
      </p>
    );
  if (q.status === 'error') return <ErrorNote message={q.message} />;
  const list = q.data.community?.serviceRequests;
  if (!list) return <p className="muted">{t(lang, 'unavailable')}</p>;
  if (list.length === 0) return <p className="muted">{t(lang, 'none')}</p>;
  return (
    <div className="table-wrap">
      <table data-testid="requests-table">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'requestedAt')}</th>
            <th scope="col">{t(lang, 'serviceItem')}</th>
            <th scope="col">{t(lang, 'servicePoint')}</th>
            <th scope="col">{t(lang, 'status')}</th>
            <th scope="col">{t(lang, 'rating')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((r) => (
            <tr key={r.id} data-status={r.status}>
              <td>{r.requestedAt.slice(0, 10)}</td>
              <td>{pickName(lang, r.item)}</td>
              <td>{r.servicePoint ? pickName(lang, r.servicePoint) : '—'}</td>
              <td>{enumLabel(lang, r.status)}</td>
              <td>{enumLabel(lang, r.rating)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
