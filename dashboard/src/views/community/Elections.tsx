import type { CommunityDetail } from '../../api/types.ts';
import { formatInt } from '../../format.ts';
import { enumLabel, t, type Lang } from '../../i18n.ts';

/** The residents' committee's elections, latest first, and how far each got. */
export function Elections({ rounds, lang }: { rounds: CommunityDetail['electionRounds']; lang: Lang }) {
  return (
    <section className="card" aria-labelledby="elections">
      <h3 id="elections">{t(lang, 'electionHistory')}</h3>
      {rounds.length === 0 ? (
        <p className="muted">{t(lang, 'none')}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="election-table">
            <thead>
              <tr>
                <th scope="col">{t(lang, 'electionRound')}</th>
                <th scope="col">{t(lang, 'stage')}</th>
                <th scope="col" className="num">
                  {t(lang, 'seats')}
                </th>
                <th scope="col" className="num">
                  {t(lang, 'ballots')}
                </th>
                <th scope="col">{t(lang, 'electionDates')}</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.title}</th>
                  <td className="nowrap">{enumLabel(lang, r.stage)}</td>
                  <td className="num">{formatInt(r.seats, lang)}</td>
                  <td className="num">{formatInt(r.ballotsCast, lang)}</td>
                  <td>
                    {r.openedAt.slice(0, 10)} – {r.completedAt?.slice(0, 10) ?? ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
