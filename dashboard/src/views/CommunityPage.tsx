import { CommunityPage as CommunityDoc } from '../api/operations.ts';
import type { CommunityDetail } from '../api/types.ts';
import { useQuery } from '../api/useQuery.ts';
import { formatFen, formatInt } from '../format.ts';
import { pickName, t } from '../i18n.ts';
import { href } from '../router.ts';
import { useSession } from '../session.tsx';
import { DelegatedWork } from './community/DelegatedWork.tsx';
import { Elections } from './community/Elections.tsx';
import { Ledger } from './community/Ledger.tsx';
import { Organisations } from './community/Organisations.tsx';
import { Requests } from './community/Requests.tsx';
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
  return (
    <article aria-labelledby="community-title" data-testid="community-page">
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
        <Fact label={t(lang, 'fundBalance')} value={formatFen(c.fundBalanceFen, lang)} testId="fund-balance" />
      </dl>
      <div className="grid">
        <Organisations c={c} lang={lang} />
        <Elections rounds={c.electionRounds} lang={lang} />
        <Ledger c={c} lang={lang} />
        <Requests c={c} lang={lang} />
        <DelegatedWork tasks={c.delegatedTasks} lang={lang} />
      </div>
    </article>
  );
}

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}
