// Departments' part of the accountability trail: the commitments a unit made and the work it
// delegated, as dated events. Evaluations adds scores and rectification (Department, Street and
// Staff `accountabilityTimeline`, which receives these through @requires).
import type { AccountabilityEvent } from '@shequ/kit';
import type { Commitment, CommitmentAssessment, DelegatedTask } from '../generated/prisma/client.js';

const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}`;

/** A day kept as a calendar day (an assembly's meeting) starts at midnight in the district. */
const startOfDistrictDay = (day: Date) => new Date(`${day.toISOString().slice(0, 10)}T00:00:00+08:00`);

/** Made by its owner, then judged by each community it was made to. */
export function commitmentEvents(c: Commitment, assessments: readonly CommitmentAssessment[]): AccountabilityEvent[] {
  const events: AccountabilityEvent[] = [
    {
      subjectId: c.id,
      communityId: null,
      at: c.publishedAt,
      kind: 'COMMITMENT_MADE',
      summary: `承诺「${c.title}」，目标：${c.target}，期限 ${c.deadline.toISOString().slice(0, 10)}`,
    },
  ];
  for (const a of assessments) {
    const kept = a.verdict === 'KEPT';
    events.push({
      subjectId: c.id,
      communityId: a.communityId,
      at: startOfDistrictDay(a.assessedOn),
      kind: kept ? 'COMMITMENT_KEPT' : 'COMMITMENT_BROKEN',
      summary: `社区评定承诺「${c.title}」${kept ? '已兑现' : '未兑现'}：${a.evidence}`,
    });
  }
  return events;
}

export function taskEvents(t: DelegatedTask): AccountabilityEvent[] {
  const base = { subjectId: t.id, communityId: t.communityId };
  const events: AccountabilityEvent[] = [
    { ...base, at: t.proposedAt, kind: 'TASK_PROPOSED', summary: `委托任务「${t.title}」提出，经费 ${yuan(t.budgetFen)}` },
  ];
  if (t.decidedAt && t.status === 'DECLINED')
    events.push({ ...base, at: t.decidedAt, kind: 'TASK_DECLINED', summary: `社区拒绝委托任务「${t.title}」${t.declineReason ? `：${t.declineReason}` : ''}` });
  else if (t.decidedAt)
    events.push({
      ...base,
      at: t.decidedAt,
      kind: 'TASK_ACCEPTED',
      summary: `社区接受委托任务「${t.title}」，经费 ${yuan(t.agreedBudgetFen ?? t.budgetFen)} 随事转入`,
    });
  if (t.completedAt) events.push({ ...base, at: t.completedAt, kind: 'TASK_COMPLETED', summary: `委托任务「${t.title}」完成` });
  if (t.settledAt) events.push({ ...base, at: t.settledAt, kind: 'TASK_SETTLED', summary: `委托任务「${t.title}」结算` });
  return events;
}
