// Where the past campaign's rectification cases stand months after it closed, in proportions a
// district would see: most verified, a few dismissed on appeal, some still with the communities
// or the district, a few overdue without a plan (one of them sent back once). Plans, appeals and
// notes are composed from parts, not one sentence for every case. Deterministic (seededRandom).
import { seededRandom, type Random } from '@shequ/kit';
import type { Prisma, RectificationCase } from '../generated/prisma/client.js';
import { daysLeftAtAppeal } from '../domain/rectification.js';

type Stage = 'VERIFIED' | 'DISMISSED' | 'APPEALED' | 'PLAN_SUBMITTED' | 'PARTLY_VERIFIED' | 'AWAITING_PLAN' | 'SENT_BACK';

// Shares of the cases, in the order they are handed out; at least one case of each waiting stage.
const shares: [Stage, number][] = [
  ['VERIFIED', 0.55],
  ['DISMISSED', 0.08],
  ['APPEALED', 0.07],
  ['PLAN_SUBMITTED', 0.07],
  ['PARTLY_VERIFIED', 0.07],
  ['SENT_BACK', 0.06],
  ['AWAITING_PLAN', 0.1],
];

const measures = [
  '建立问题台账，逐项明确责任人和办结时限',
  '每月到社区现场办公一次',
  '设立专门联络员对接社区',
  '对反映集中的问题开展专项整治',
  '窗口推行一次告知、限时办结',
  '热线工单实行首问负责、三日回复',
];
const followUps = ['整改情况在社区公示栏公开', '一个月后请社区代表回访评议', '每周向社区通报进展', '办结后逐户电话回访'];
const appealReasons = [
  '部分差评反映的是其他部门的职责，申请复核',
  '差评所涉事项已在评议期前办结，申请核实',
  '差评反映的路段不在本街道辖区，申请复核',
  '同一事项被重复评价，申请合并处理',
];
const revisionNotes = ['整改措施不具体，没有时间表', '没有回应居民反映最多的问题', '只写了制度，没有落实到点位', '请补充经费和人员安排'];
const decisions = ['经核实，差评所涉事项属其他部门职责，予以撤销', '经核实，相关事项已在评议前办结'];

function plan(random: Random): string {
  const first = random.pick(measures);
  return `${first}；${random.pick(measures.filter((m) => m !== first))}；${random.pick(followUps)}`;
}

function stages(count: number, random: Random): Stage[] {
  const list: Stage[] = [];
  for (const [stage, share] of shares)
    for (let n = Math.max(stage === 'VERIFIED' ? 0 : 1, Math.round(count * share)); n > 0 && list.length < count; n--) list.push(stage);
  while (list.length < count) list.push('VERIFIED');
  // Shuffled, so that which target stands where does not follow the target order.
  for (let i = list.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

export interface CaseProgress {
  update: Prisma.RectificationCaseUpdateInput;
  verifications: Prisma.RectificationVerificationCreateManyInput[];
}

/** Each case's state `closedAt` plus some days on (`at` caps those days at now). */
export function demoCaseProgress(cases: RectificationCase[], campaignId: string, at: (days: number) => Date): Map<string, CaseProgress> {
  const random = seededRandom(`evaluations:${campaignId}:rectification`);
  const assigned = stages(cases.length, random);
  return new Map(
    cases.map((c, i) => {
      const submitted = { plan: plan(random), planSubmittedAt: at(random.int(4, 12)) };
      const accept = (communityIds: string[], day: number) =>
        communityIds.map((communityId) => ({ caseId: c.id, communityId, accepted: true, verifiedAt: at(day) }));
      const appealedAt = at(random.int(2, 6));
      const appeal = {
        appealReason: random.pick(appealReasons),
        appealedAt,
        statusBeforeAppeal: 'AWAITING_PLAN' as const,
        appealDaysLeft: daysLeftAtAppeal(c.deadline, appealedAt),
      };
      let progress: CaseProgress;
      switch (assigned[i]!) {
        case 'VERIFIED': {
          const day = random.int(14, 30);
          progress = { update: { ...submitted, status: 'VERIFIED', resolvedAt: at(day) }, verifications: accept(c.affectedCommunityIds, day) };
          break;
        }
        case 'DISMISSED':
          progress = {
            update: {
              ...appeal,
              status: 'DISMISSED',
              appealDecision: 'UPHELD',
              appealDecisionNote: random.pick(decisions),
              appealDecidedAt: at(12),
              resolvedAt: at(12),
            },
            verifications: [],
          };
          break;
        case 'APPEALED':
          progress = { update: { ...appeal, status: 'APPEALED' }, verifications: [] };
          break;
        case 'PLAN_SUBMITTED':
          progress = { update: { ...submitted, status: 'PLAN_SUBMITTED' }, verifications: [] };
          break;
        case 'PARTLY_VERIFIED': {
          // Some assemblies have accepted, the others have not met yet.
          const accepted = c.affectedCommunityIds.slice(0, Math.floor(c.affectedCommunityIds.length / 2));
          progress = { update: { ...submitted, status: 'PLAN_SUBMITTED' }, verifications: accept(accepted, random.int(14, 20)) };
          break;
        }
        case 'SENT_BACK':
          progress = { update: { ...submitted, status: 'AWAITING_PLAN', revisionNote: random.pick(revisionNotes) }, verifications: [] };
          break;
        case 'AWAITING_PLAN':
          progress = { update: {}, verifications: [] }; // no plan yet: overdue
          break;
      }
      return [c.id, progress];
    }),
  );
}
