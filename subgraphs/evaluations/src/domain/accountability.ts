// Evaluations' part of the accountability trail: published scores with their bad reviews, and
// the rectification that followed. Only what is public once published goes in: a campaign still
// open or closed but unpublished adds nothing, whoever asks (the timeline is the public record).
import type { AccountabilityEvent } from '@shequ/kit';
import type { Campaign, RectificationCase, RectificationVerification } from '../generated/prisma/client.js';
import type { LiveResult } from './results.js';

const gradeLabel = { EXCELLENT: '优秀', GOOD: '良好', PASS: '合格', FAIL: '不合格' } as const;

export function resultEvents(campaign: Pick<Campaign, 'id' | 'title' | 'status' | 'closedAt' | 'publishedAt'>, result: LiveResult): AccountabilityEvent[] {
  if (campaign.status !== 'PUBLISHED' || !campaign.publishedAt || !result.visible) return [];
  const base = { subjectId: campaign.id, communityId: null };
  const events: AccountabilityEvent[] = [
    {
      ...base,
      at: campaign.publishedAt,
      kind: 'SCORE_PUBLISHED',
      summary: `${campaign.title}：${result.score} 分，${result.grade ? gradeLabel[result.grade] : ''}，第 ${result.rank} 名（${result.ballotCount} 张评议票）`,
    },
  ];
  // The bad reviews were known when ballots stopped, which is when their cases opened.
  if (result.badReviews)
    events.push({ ...base, at: campaign.closedAt ?? campaign.publishedAt, kind: 'BAD_REVIEWS', summary: `${campaign.title}：差评 ${result.badReviews} 条` });
  return events;
}

/** A case's opening day is a calendar day; the instant is the campaign's close when that fell on it. */
function openedAt(c: Pick<RectificationCase, 'openedOn'>, closedAt: Date | null): Date {
  const dayStart = new Date(`${c.openedOn.toISOString().slice(0, 10)}T00:00:00+08:00`);
  return closedAt && closedAt >= dayStart && closedAt.getTime() < dayStart.getTime() + 86_400_000 ? closedAt : dayStart;
}

export function caseEvents(c: RectificationCase, verifications: readonly RectificationVerification[], closedAt: Date | null): AccountabilityEvent[] {
  const base = { subjectId: c.id, communityId: null };
  const deadline = c.deadline.toISOString().slice(0, 10);
  const events: AccountabilityEvent[] = [
    { ...base, at: openedAt(c, closedAt), kind: 'CASE_OPENED', summary: `差评整改立案：${c.badReviews} 条差评，${deadline} 前整改` },
  ];
  if (c.appealedAt) events.push({ ...base, at: c.appealedAt, kind: 'APPEAL_FILED', summary: '对差评提出申诉' });
  if (c.appealDecidedAt)
    events.push({
      ...base,
      at: c.appealDecidedAt,
      kind: 'APPEAL_DECIDED',
      summary: c.appealDecision === 'UPHELD' ? '申诉成立，差评不计' : '申诉驳回，继续整改',
    });
  if (c.planSubmittedAt) events.push({ ...base, at: c.planSubmittedAt, kind: 'PLAN_SUBMITTED', summary: '提交整改方案' });
  for (const v of verifications) {
    events.push({
      ...base,
      communityId: v.communityId,
      at: v.verifiedAt,
      kind: v.accepted ? 'VERIFIED' : 'PLAN_SENT_BACK',
      summary: v.accepted ? '社区代表会议验收通过' : '社区代表会议退回整改方案',
    });
  }
  if (c.resolvedAt) events.push({ ...base, at: c.resolvedAt, kind: 'CASE_CLOSED', summary: c.status === 'DISMISSED' ? '整改案件撤销' : '整改完成，案件办结' });
  return events;
}
