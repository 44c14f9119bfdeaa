import { useState } from 'react';
import { CommunityLedger } from '../../api/operations.ts';
import type { CommunityDetail, LedgerPage } from '../../api/types.ts';
import { useQuery } from '../../api/useQuery.ts';
import { formatFen, formatInt } from '../../format.ts';
import { enumLabel, t, type Lang } from '../../i18n.ts';
import { ErrorNote } from '../Status.tsx';

/** The public funds ledger (公示制): totals by category, then the entries, latest first, page by page. */
export function Ledger({ c, lang }: { c: CommunityDetail; lang: Lang }) {
  // One cursor per page shown; "more" appends the last page's end cursor.
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  return (
    <section className="card wide" aria-labelledby="funds">
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
      <h4>{t(lang, 'ledgerEntries')}</h4>
      <div className="table-wrap">
        <table data-testid="ledger-table">
          <thead>
            <tr>
              <th scope="col">{t(lang, 'date')}</th>
              <th scope="col">{t(lang, 'category')}</th>
              <th scope="col">{t(lang, 'sourceOrPayee')}</th>
              <th scope="col">{t(lang, 'purpose')}</th>
              <th scope="col" className="num">
                {t(lang, 'amount')}
              </th>
            </tr>
          </thead>
          {cursors.map((after, i) => (
            <LedgerRows
              key={after ?? ''}
              communityId={c.id}
              after={after}
              last={i === cursors.length - 1}
              onMore={(next) => setCursors((cs) => [...cs, next])}
              lang={lang}
            />
          ))}
        </table>
      </div>
    </section>
  );
}

function LedgerRows({
  communityId,
  after,
  last,
  onMore,
  lang,
}: {
  communityId: string;
  after: string | null;
  last: boolean;
  onMore(cursor: string): void;
  lang: Lang;
}) {
  const q = useQuery<LedgerPage>(CommunityLedger, { id: communityId, after });
  const colSpan = 5;
  if (q.status !== 'done')
    return (
      <tbody>
        <tr>
          <td colSpan={colSpan}>{q.status === 'loading' ? <span className="muted">{t(lang, 'loading')}</span> : <ErrorNote message={q.message} />}</td>
        </tr>
      </tbody>
    );
  const { edges, pageInfo } = q.data.ledgerEntries;
  return (
    <tbody>
      {edges.map(({ node: e }) => (
        <tr key={e.id} data-category={e.category} className={e.reversedBy ? 'reversed' : undefined}>
          <td>{e.occurredOn}</td>
          <td>{enumLabel(lang, e.category)}</td>
          <td>{e.source}</td>
          <td>
            {e.purpose}
            {e.reversedBy && <span className="muted small"> ({t(lang, 'reversedNote')})</span>}
          </td>
          <td className="num">{formatFen(e.amountFen, lang)}</td>
        </tr>
      ))}
      {last && pageInfo.hasNextPage && pageInfo.endCursor && (
        <tr>
          <td colSpan={colSpan}>
            <button type="button" data-testid="ledger-more" onClick={() => onMore(pageInfo.endCursor!)}>
              {t(lang, 'more')}
            </button>
          </td>
        </tr>
      )}
    </tbody>
  );
}
