import { CommunityPage as CommunityDoc } from '../api/operations.ts';
import type { CommunityDetail } from '../api/types.ts';
import { useQuery } from '../api/useQuery.ts';
import { formatFen, formatInt, formatPercent } from '../format.ts';
import { enumLabel, pickName, t } from '../i18n.ts';
import { href } from '../router.ts';
import { useSession } from '../session.tsx';
import { ErrorNote, Loading } from './Status.tsx';

export function CommunityPage({ id }: { id: string }) {
  const { lang } = useSession();
  const q = useQuery<{ community: CommunityDetail | null }>(CommunityDoc, { id });
  const back = (
    <p>
      <a href={href({ view: 'overview' })}>← {t(lang, 'back')}</a>
    </p>
  );
  if (q.status === 'loading') return <Loading />;
  if (q.status === 'error') return <ErrorNote message={q.message} />;
  const c = q.data.community;
  if (!c)
    return (
      <>
        {back}
        <ErrorNote message={t(lang, 'notFound')} />
      </>
    );
  const stats = c.serviceRequestStats;
  return (
    <article aria-labelledby="community-title">
      {back}
      <h2 id="community-title">
        {pickName(lang, c)} <span className="muted small">{lang === 'en' ? c.name : c.nameEn}</span>
      </h2>
      <dl className="facts">
        <Fact label={t(lang, 'street')} value={pickName(lang, c.street)} />
        <Fact label={t(lang, 'code')} value={c.code} />
        <Fact label={t(lang, 'population')} value={formatInt(c.population, lang)} />
        <Fact label={t(lang, 'households')} value={formatInt(c.households, lang)} />
        <Fact label={t(lang, 'representatives')} value={formatInt(c.representativeCount, lang)} />
        <Fact label={t(lang, 'fundBalance')} value={formatFen(c.fundBalanceFen, lang)} />
      </dl>
      <div className="grid">
        <section className="card" aria-labelledby="committee">
          <h3 id="committee">{t(lang, 'committee')}</h3>
          {c.committeeMembers.length === 0 ? (
            <p className="muted">{t(lang, 'none')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t(lang, 'name')}</th>
                  <th scope="col">{t(lang, 'position')}</th>
                  <th scope="col">{t(lang, 'termStart')}</th>
                </tr>
              </thead>
              <tbody>
                {c.committeeMembers.map((m) => (
                  <tr key={m.id}>
                    <td>{m.name}</td>
                    <td>{enumLabel(lang, m.position)}</td>
                    <td>{m.termStart}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section className="card" aria-labelledby="party">
          <h3 id="party">{t(lang, 'partyOrg')}</h3>
          {c.partyOrganization ? (
            <p>
              {c.partyOrganization.name} · {t(lang, 'partyMembers')}: {formatInt(c.partyOrganization.memberCount, lang)}
            </p>
          ) : (
            <p className="muted">{t(lang, 'none')}</p>
          )}
          {c.volunteerStats && (
            <p>
              {t(lang, 'volunteers')}: {formatInt(c.volunteerStats.volunteers, lang)} · {t(lang, 'teams')}: {formatInt(c.volunteerStats.teams, lang)} · {t(lang, 'volunteerHours')}:{' '}
              {formatInt(c.volunteerStats.hours, lang)}
            </p>
          )}
        </section>
        <section className="card" aria-labelledby="funds">
          <h3 id="funds">{t(lang, 'funds')}</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'category')}</th>
                <th scope="col" className="num">
                  {t(lang, 'amount')}
                </th>
                <th scope="col" className="num">
                  {t(lang, 'entries')}
                </th>
              </tr>
            </thead>
            <tbody>
              {c.fundTotals.map((f) => (
                <tr key={f.category}>
                  <td>{enumLabel(lang, f.category)}</td>
                  <td className="num">{formatFen(f.amountFen, lang)}</td>
                  <td className="num">{formatInt(f.entries, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="card" aria-labelledby="points">
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
          {stats && (
            <p>
              {t(lang, 'requests')}: {t(lang, 'total')} {formatInt(stats.total, lang)} · {t(lang, 'open')} {formatInt(stats.open, lang)} · {t(lang, 'closed')} {formatInt(stats.closed, lang)} ·{' '}
              {t(lang, 'satisfaction')} {formatPercent(stats.satisfactionRate, lang)}
            </p>
          )}
        </section>
      </div>
    </article>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
