import type { CommunityDetail } from '../../api/types.ts';
import { formatInt } from '../../format.ts';
import { enumLabel, t, type Lang } from '../../i18n.ts';

/**
 * The four organisations of a community (社区党组织、成员代表大会、居委会、协商议事委员会): who
 * serves on each is public under the publicity system; nothing personal beyond names and posts.
 */
export function Organisations({ c, lang }: { c: CommunityDetail; lang: Lang }) {
  const convener = c.consultationMembers.find((m) => m.convener);
  return (
    <section className="card" aria-labelledby="organisations" data-testid="organisations">
      <h3 id="organisations">{t(lang, 'organisations')}</h3>
      <dl className="orgs">
        <dt>{t(lang, 'partyOrg')}</dt>
        <dd>
          {c.partyOrganization ? `${c.partyOrganization.name} · ${t(lang, 'partyMembers')} ${formatInt(c.partyOrganization.memberCount, lang)}` : '—'}
          {c.volunteerStats && (
            <div className="muted small">
              {t(lang, 'volunteers')} {formatInt(c.volunteerStats.volunteers, lang)} · {t(lang, 'teams')} {formatInt(c.volunteerStats.teams, lang)} ·{' '}
              {t(lang, 'volunteerHours')} {formatInt(c.volunteerStats.hours, lang)}
            </div>
          )}
        </dd>
        <dt>{t(lang, 'assembly')}</dt>
        <dd>
          {t(lang, 'representatives')} {formatInt(c.representativeCount, lang)}
        </dd>
        <dt>{t(lang, 'committee')}</dt>
        <dd>{c.committeeMembers.length === 0 ? t(lang, 'none') : c.committeeMembers.map((m) => `${m.name}（${enumLabel(lang, m.position)}）`).join('、')}</dd>
        <dt>{t(lang, 'consultation')}</dt>
        <dd>
          {t(lang, 'members')} {formatInt(c.consultationMembers.length, lang)}
          {convener ? ` · ${t(lang, 'convener')} ${convener.name}（${enumLabel(lang, convener.constituency)}）` : ''}
        </dd>
      </dl>
    </section>
  );
}
