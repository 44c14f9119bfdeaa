import { DepartmentAccountability, StaffAccountability, StreetAccountability } from '../api/operations.ts';
import type { UnitAccountability } from '../api/types.ts';
import { useQuery } from '../api/useQuery.ts';
import { districtToday } from '../deadline.ts';
import { formatInt, formatScore } from '../format.ts';
import { enumLabel, eventLabel, pickName, t, type Lang } from '../i18n.ts';
import { href, type UnitKind } from '../router.ts';
import { useSession } from '../session.tsx';
import { ErrorNote, Loading } from './Status.tsx';

const documents = { department: DepartmentAccountability, street: StreetAccountability, staff: StaffAccountability } as const;

/** A street's, department's or staff member's accountability record: results, cases, and the merged timeline. */
export function UnitPage({ kind, id }: { kind: UnitKind; id: string }) {
  const { lang } = useSession();
  const q = useQuery<Partial<Record<UnitKind, UnitAccountability | null>>>(documents[kind], { id });
  const back = (
    <p>
      <a href={href({ view: 'scoreboard', campaignId: null })}>← {t(lang, 'navScoreboard')}</a>
    </p>
  );
  if (q.status === 'loading') return <Loading />;
  if (q.status === 'error') return <ErrorNote message={q.message} />;
  const unit = q.data[kind];
  if (!unit)
    return (
      <>
        {back}
        <ErrorNote message={t(lang, 'notFound')} />
      </>
    );
  const open = unit.rectificationCases.filter((c) => c.status !== 'VERIFIED' && c.status !== 'DISMISSED');
  return (
    <article aria-labelledby="unit-title" data-testid="unit-page">
      {back}
      <h2 id="unit-title">
        {unit.position ? `${unit.name}（${unit.position}）` : pickName(lang, unit)} <span className="muted small">{t(lang, 'accountability')}</span>
      </h2>
      <p className="muted">{t(lang, 'accountabilityIntro')}</p>
      <dl className="facts">
        <Fact
          label={t(lang, 'cases')}
          value={`${formatInt(unit.rectificationCases.length, lang)} (${t(lang, 'openCount')} ${formatInt(open.length, lang)}, ${t(lang, 'overdueCount')} ${formatInt(open.filter((c) => c.overdue).length, lang)})`}
        />
        <Fact label={t(lang, 'commitmentsMade')} value={formatInt(unit.commitments.length, lang)} />
        <Fact label={t(lang, 'tasksDelegated')} value={formatInt(unit.delegatedTasks.length, lang)} />
      </dl>
      <div className="grid">
        <Results unit={unit} lang={lang} />
        <Timeline unit={unit} lang={lang} />
      </div>
    </article>
  );
}

function Results({ unit, lang }: { unit: UnitAccountability; lang: Lang }) {
  return (
    <section className="card wide" aria-labelledby="unit-results">
      <h3 id="unit-results">{t(lang, 'results')}</h3>
      <div className="table-wrap">
        <table data-testid="unit-results">
          <thead>
            <tr>
              <th scope="col">{t(lang, 'campaign')}</th>
              <th scope="col">{t(lang, 'status')}</th>
              <th scope="col" className="num">
                {t(lang, 'score')}
              </th>
              <th scope="col">{t(lang, 'grade')}</th>
              <th scope="col" className="num">
                {t(lang, 'rank')}
              </th>
              <th scope="col" className="num">
                {t(lang, 'badReviews')}
              </th>
            </tr>
          </thead>
          <tbody>
            {unit.evaluations.map((r) => (
              <tr key={r.campaignId} data-campaign={r.campaignId}>
                <th scope="row">{r.campaign?.title ?? r.campaignId}</th>
                <td>{enumLabel(lang, r.campaignStatus)}</td>
                <td className="num">{r.meetsMinBallots ? formatScore(r.score) : '—'}</td>
                <td>{r.meetsMinBallots && r.grade ? <span className={`pill grade-${r.grade.toLowerCase()}`}>{enumLabel(lang, r.grade)}</span> : '—'}</td>
                <td className="num">{r.meetsMinBallots ? (r.rank ?? '—') : '—'}</td>
                <td className="num">{r.meetsMinBallots ? formatInt(r.badReviews, lang) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Newest first, as a reader scans a record; each line says when, what, and the detail in the source's words. */
function Timeline({ unit, lang }: { unit: UnitAccountability; lang: Lang }) {
  const events = [...unit.accountabilityTimeline].reverse();
  return (
    <section className="card wide" aria-labelledby="unit-timeline">
      <h3 id="unit-timeline">{t(lang, 'timeline')}</h3>
      {events.length === 0 ? (
        <p className="muted">{t(lang, 'noEvents')}</p>
      ) : (
        <ol className="timeline" data-testid="unit-timeline" reversed>
          {events.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: two events of one kind, subject and instant are possible; the index tells them apart, after the natural key
            <li key={`${e.kind}-${e.subjectId}-${e.at}-${i}`} data-kind={e.kind}>
              <time dateTime={e.at}>{districtToday(new Date(e.at))}</time> <strong>{eventLabel(lang, e.kind)}</strong> <span>{e.summary}</span>
              {e.community && (
                <>
                  {' '}
                  <a href={href({ view: 'community', id: e.community.id })}>{pickName(lang, e.community)}</a>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
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
