import { useMemo } from 'react';
import { CampaignBoard, CampaignList } from '../api/operations.ts';
import type { CampaignDetail, CampaignSummary, CampaignTarget, PromiseCounts, ResultMessage, TargetKind } from '../api/types.ts';
import { useQuery } from '../api/useQuery.ts';
import { formatInt, formatPercent, formatScore } from '../format.ts';
import { enumLabel, pickName, t, type Lang, type MessageKey } from '../i18n.ts';
import { rankRows } from '../live/board.ts';
import { useBoard } from '../live/useBoard.ts';
import { href, type UnitKind } from '../router.ts';
import { useSession } from '../session.tsx';
import { ConnectionBadge } from './ConnectionBadge.tsx';
import { ScoreChart, type ScoreBar } from './ScoreChart.tsx';
import { ErrorNote, Loading } from './Status.tsx';

/** The default board: the first OPEN campaign (campaigns come newest first), else the newest. */
export function defaultCampaign(campaigns: readonly CampaignSummary[]): CampaignSummary | undefined {
  return campaigns.find((c) => c.status === 'OPEN') ?? campaigns[0];
}

export function Scoreboard({ campaignId }: { campaignId: string | null }) {
  const { lang } = useSession();
  const list = useQuery<{ campaigns: CampaignSummary[] }>(CampaignList, {});
  if (list.status === 'loading') return <Loading />;
  if (list.status === 'error') return <ErrorNote message={list.message} />;
  const campaigns = list.data.campaigns;
  const selected = campaignId ? campaigns.find((c) => c.id === campaignId) : defaultCampaign(campaigns);
  return (
    <section aria-labelledby="board-title">
      <div className="toolbar">
        <label>
          {t(lang, 'campaign')}{' '}
          <select
            value={selected?.id ?? ''}
            onChange={(e) => {
              location.hash = href({ view: 'scoreboard', campaignId: e.target.value });
            }}
          >
            {campaigns.length === 0 && <option value="">{t(lang, 'noCampaigns')}</option>}
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title} · {enumLabel(lang, c.status)}
              </option>
            ))}
          </select>
        </label>
        <ConnectionBadge />
      </div>
      {selected ? <CampaignView id={selected.id} /> : campaignId ? <ErrorNote message={campaignId} /> : null}
    </section>
  );
}

function CampaignView({ id }: { id: string }) {
  const { lang } = useSession();
  const detail = useQuery<{ campaign: CampaignDetail | null }>(CampaignBoard, { id });
  const campaign = detail.status === 'done' ? detail.data.campaign : null;
  const board = useBoard(campaign ? id : null, campaign?.canSeeScores ?? false);

  if (detail.status === 'loading') return <Loading />;
  if (detail.status === 'error') return <ErrorNote message={detail.message} />;
  if (!campaign) return <ErrorNote message={id} />;

  const status = board.status ?? campaign.status;
  const progress = board.progress;
  const scoresShown = campaign.canSeeScores && !board.resultsRefused;
  return (
    <>
      <h2 id="board-title">{campaign.title}</h2>
      <dl className="facts">
        <div>
          <dt>{t(lang, 'status')}</dt>
          <dd>
            <span className={`pill status-${status.toLowerCase()}`}>{enumLabel(lang, status)}</span>
          </dd>
        </div>
        <div>
          <dt>{t(lang, 'period')}</dt>
          <dd>
            {campaign.periodStart} – {campaign.periodEnd}
          </dd>
        </div>
        <div>
          <dt>{t(lang, 'turnout')}</dt>
          <dd data-testid="turnout" aria-live="polite">
            {formatPercent(progress?.turnout, lang)}
          </dd>
        </div>
        <div>
          <dt>{t(lang, 'ballotsCast')}</dt>
          <dd data-testid="ballots-cast" aria-live="polite">
            {formatInt(progress?.ballotsCast, lang)} / {formatInt(progress?.eligibleBallots, lang)}
          </dd>
        </div>
        <div>
          <dt>{t(lang, 'minBallots')}</dt>
          <dd>{formatInt(campaign.minBallots, lang)}</dd>
        </div>
      </dl>
      {progress && <TurnoutBar ratio={progress.turnout} label={t(lang, 'turnout')} />}
      {board.ended && <p className="note">{t(lang, 'feedEnded')}</p>}
      {!scoresShown && <p className="note">{t(lang, 'scoresHidden')}</p>}
      <div className="boards">
        {(['DEPARTMENT', 'STREET', 'STAFF'] as const).map((kind) => (
          <KindBoard key={kind} kind={kind} campaign={campaign} results={board.results} scoresShown={scoresShown} lang={lang} />
        ))}
      </div>
    </>
  );
}

function TurnoutBar({ ratio, label }: { ratio: number; label: string }) {
  const pct = Math.max(0, Math.min(100, ratio * 100));
  return (
    <div className="turnout" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(pct)}>
      <div style={{ width: `${pct}%` }} />
    </div>
  );
}

const unitKind: Record<TargetKind, UnitKind> = { DEPARTMENT: 'department', STREET: 'street', STAFF: 'staff' };
const kindTitle: Record<TargetKind, MessageKey> = { DEPARTMENT: 'departments', STREET: 'streets', STAFF: 'staff' };

export function targetName(lang: Lang, target: CampaignTarget): string {
  if (target.staff) {
    const unit = target.staff.department ?? target.staff.street;
    return `${target.staff.name}（${unit ? pickName(lang, unit) : target.staff.position}）`;
  }
  return pickName(lang, target.department ?? target.street ?? { name: target.targetId });
}

function note(lang: Lang, r: ResultMessage | undefined, minBallots: number, scoresShown: boolean): string {
  if (!scoresShown) return '';
  if (!r || r.score == null || !r.meetsMinBallots) return `— ${t(lang, 'fewerThan', { k: minBallots })}`;
  return `${formatScore(r.score)} ${enumLabel(lang, r.grade)}`;
}

function KindBoard({
  kind,
  campaign,
  results,
  scoresShown,
  lang,
}: {
  kind: TargetKind;
  campaign: CampaignDetail;
  results: Record<string, ResultMessage>;
  scoresShown: boolean;
  lang: Lang;
}) {
  const targets = useMemo(() => campaign.targets.filter((x) => x.targetKind === kind), [campaign.targets, kind]);
  const rows = useMemo(
    () =>
      rankRows(
        targets,
        (x) => x.targetId,
        (x) => targetName(lang, x),
        scoresShown ? results : {},
      ),
    [targets, results, lang, scoresShown],
  );
  const bars: ScoreBar[] = useMemo(
    () =>
      rows.map(({ target, result }) => ({
        key: target.targetId,
        label: targetName(lang, target),
        score: scoresShown && result?.meetsMinBallots ? result.score : null,
        grade: scoresShown && result?.meetsMinBallots ? result.grade : null,
        note: note(lang, result, campaign.minBallots, scoresShown),
      })),
    [rows, lang, scoresShown, campaign.minBallots],
  );
  if (targets.length === 0) return null;
  const title = t(lang, kindTitle[kind]);
  return (
    <section className="card" aria-labelledby={`kind-${kind}`}>
      <h3 id={`kind-${kind}`}>
        {title} <span className="muted">({targets.length})</span>
      </h3>
      {scoresShown && <ScoreChart bars={bars} title={title} />}
      <div className="table-wrap">
        <table className="ranking" data-testid={`ranking-${kind}`}>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'rank')}</th>
              <th scope="col">{t(lang, 'target')}</th>
              <th scope="col" className="num">
                {t(lang, 'score')}
              </th>
              <th scope="col">{t(lang, 'grade')}</th>
              <th scope="col" className="num">
                {t(lang, 'ballots')}
              </th>
              {kind !== 'STAFF' && (
                <th scope="col" title={t(lang, 'promisesHint')}>
                  {t(lang, 'promises')}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ target, result }) => {
              const shown = scoresShown && result?.meetsMinBallots && result.score != null;
              return (
                <tr key={target.targetId} data-target={target.targetId}>
                  <td className="num">{shown ? (result?.rank ?? '—') : '—'}</td>
                  <th scope="row">
                    <a href={href({ view: 'unit', kind: unitKind[target.targetKind], id: target.targetId })} title={t(lang, 'viewRecord')}>
                      {targetName(lang, target)}
                    </a>
                  </th>
                  <td className="num" data-field="score">
                    {shown ? (
                      formatScore(result?.score)
                    ) : scoresShown ? (
                      <span title={t(lang, 'fewerThan', { k: campaign.minBallots })}>
                        — <span className="muted small">{t(lang, 'fewerThan', { k: campaign.minBallots })}</span>
                      </span>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{shown && result?.grade ? <span className={`pill grade-${result.grade.toLowerCase()}`}>{enumLabel(lang, result.grade)}</span> : '—'}</td>
                  <td className="num" data-field="ballots">
                    {scoresShown && result ? formatInt(result.ballotCount, lang) : '—'}
                  </td>
                  {kind !== 'STAFF' && <PromisesCell counts={(target.department ?? target.street)?.commitmentCounts ?? null} lang={lang} />}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** What the target promised its communities and how they judged it: the broken ones count against it. */
function PromisesCell({ counts, lang }: { counts: PromiseCounts | null; lang: Lang }) {
  if (!counts) return <td data-field="promises">—</td>;
  return (
    <td data-field="promises" data-kept={counts.kept} data-broken={counts.broken} className="nowrap small">
      {enumLabel(lang, 'KEPT')} {formatInt(counts.kept, lang)} ·{' '}
      <span className={counts.broken > 0 ? 'against' : undefined}>
        {enumLabel(lang, 'BROKEN')} {formatInt(counts.broken, lang)}
      </span>{' '}
      · {enumLabel(lang, 'PENDING')} {formatInt(counts.pending, lang)}
    </td>
  );
}
