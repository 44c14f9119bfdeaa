// Departments' part of the accountability trail: the commitments a unit made and the work it
// delegated, as dated events. Evaluations adds scores and rectification (Department, Street and
// Staff `accountabilityTimeline`, which receives these through @requires).
import type { AccountabilityEvent } from '@shequ/kit';
import type { Commitment, DelegatedTask } from '../generated/prisma/client.js';

const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}`;

export function commitmentEvents(c: Commitment): AccountabilityEvent[] {
  const base = { subjectId: c.id, communityId: null };
  const events: AccountabilityEvent[] = [{ ...base, at: c.publishedAt, kind: 'COMMITMENT_MADE', summary: `承诺「${c.title}」，目标：${c.target}，期限 ${c.deadline.toISOString().slice(0, 10)}` }];
  if (c.resolvedAt && c.status === 'KEPT') events.push({ ...base, at: c.resolvedAt, kind: 'COMMITMENT_KEPT', summary: `承诺「${c.title}」已兑现` });
  if (c.resolvedAt && c.status === 'BROKEN') events.push({ ...base, at: c.resolvedAt, kind: 'COMMITMENT_BROKEN', summary: `承诺「${c.title}」未兑现` });
  return events;
}

export function taskEvents(t: DelegatedTask): AccountabilityEvent[] {
  const base = { subjectId: t.id, communityId: t.communityId };
  const events: AccountabilityEvent[] = [{ ...base, at: t.proposedAt, kind: 'TASK_PROPOSED', summary: `委托任务「${t.title}」提出，经费 ${yuan(t.budgetFen)}` }];
  if (t.decidedAt && t.status === 'DECLINED') events.push({ ...base, at: t.decidedAt, kind: 'TASK_DECLINED', summary: `社区拒绝委托任务「${t.title}」${t.declineReason ? `：${t.declineReason}` : ''}` });
  else if (t.decidedAt) events.push({ ...base, at: t.decidedAt, kind: 'TASK_ACCEPTED', summary: `社区接受委托任务「${t.title}」，经费 ${yuan(t.agreedBudgetFen ?? t.budgetFen)} 随事转入` });
  if (t.completedAt) events.push({ ...base, at: t.completedAt, kind: 'TASK_COMPLETED', summary: `委托任务「${t.title}」完成` });
  if (t.settledAt) events.push({ ...base, at: t.settledAt, kind: 'TASK_SETTLED', summary: `委托任务「${t.title}」结算` });
  return events;
}
