// Demo delegated tasks in every state, with the history that led there. Tasks from acceptance on
// carry their budget transfer as an undelivered outbox event, exactly like a real acceptance: once
// the hub is up the dispatcher delivers them and the committees ledger records each once.
import { demoCommunities, demoDepartments, demoStreets, seededRandom, type Random } from '@shequ/kit';
import type { DelegatedTaskAction, DelegatedTaskStatus, Prisma } from '../generated/prisma/client.js';
import { fundTransferFor, fundTransferKind, transferEventId } from '../outbox/fund-transfer.js';
import { declineReasons, departmentCatalogue, streetCatalogue, type TaskTemplate } from './catalogue.js';

// Oldest first: the further along a task is, the earlier it was proposed.
const plan: [DelegatedTaskStatus, number][] = [
  ['SETTLED', 6], ['COMPLETED', 5], ['IN_PROGRESS', 6], ['DECLINED', 4], ['ACCEPTED', 5], ['NEGOTIATING', 5], ['PROPOSED', 5],
];
const firstProposal = Date.UTC(2026, 4, 4, 9);
const day = 86_400_000;

export interface DemoTaskData {
  tasks: Prisma.DelegatedTaskCreateManyInput[];
  steps: Prisma.DelegatedTaskStepCreateManyInput[];
  outbox: Prisma.OutboxEventCreateManyInput[];
}

const reached = (status: DelegatedTaskStatus, stage: DelegatedTaskStatus) => {
  const order: DelegatedTaskStatus[] = ['ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'SETTLED'];
  return order.indexOf(status) >= order.indexOf(stage) && order.includes(status);
};

export function buildDemoTasks(): DemoTaskData {
  const random = seededRandom('departments-tasks');
  const out: DemoTaskData = { tasks: [], steps: [], outbox: [] };
  const statuses = plan.flatMap(([status, count]) => Array<DelegatedTaskStatus>(count).fill(status));
  statuses.forEach((status, i) => {
    const byStreet = i % 6 === 5;
    const unit = byStreet ? demoStreets[(i * 7) % demoStreets.length]! : demoDepartments[i % demoDepartments.length]!;
    const candidates = byStreet ? demoCommunities.filter((c) => c.streetId === unit.id) : demoCommunities;
    const template = random.pick<TaskTemplate>(byStreet ? streetCatalogue.tasks : departmentCatalogue[unit.id]!.tasks);
    const id = `task-demo-${String(i + 1).padStart(2, '0')}`;
    const proposedAt = new Date(firstProposal + i * 4 * day);
    const offer = random.int(20, 800) * 10_000;
    const negotiated = status === 'NEGOTIATING' || (status !== 'PROPOSED' && random.chance(0.5));
    const counter = negotiated ? Math.round((offer * random.int(115, 150)) / 100 / 1_000) * 1_000 : null;
    // Where the proposer met the counter-offer before acceptance, that is the agreed budget.
    const finalOffer = counter && status !== 'NEGOTIATING' && status !== 'DECLINED' ? counter : offer;
    const task: Prisma.DelegatedTaskCreateManyInput = {
      id,
      title: template.title,
      description: template.description,
      proposerType: byStreet ? 'STREET' : 'DEPARTMENT',
      proposerId: unit.id,
      communityId: random.pick(candidates).id,
      budgetFen: finalOffer,
      counterBudgetFen: counter,
      status,
      dueDate: new Date(proposedAt.getTime() + 75 * day),
      version: 0,
      proposedAt,
    };
    const steps = timeline(task, status, { offer, counter, finalOffer, random, at: proposedAt.getTime() });
    task.version = steps.length - 1;
    for (const step of steps) {
      if (step.action === 'ACCEPT' || step.action === 'DECLINE') task.decidedAt = step.at;
      if (step.action === 'START') task.startedAt = step.at;
      if (step.action === 'COMPLETE') task.completedAt = step.at;
      if (step.action === 'SETTLE') task.settledAt = step.at;
      if (step.action === 'DECLINE') task.declineReason = step.note;
    }
    if (reached(status, 'ACCEPTED')) {
      task.agreedBudgetFen = finalOffer;
      task.transferEventId = transferEventId(id);
      const transfer = fundTransferFor({ id, title: task.title, communityId: task.communityId }, finalOffer, unit.name);
      out.outbox.push({ id: transfer.eventId, kind: fundTransferKind, payload: { ...transfer }, createdAt: task.decidedAt! });
    }
    out.tasks.push(task);
    out.steps.push(...steps.map((s, n) => ({ ...s, id: `${id}-step-${n + 1}`, taskId: id })));
  });
  return out;
}

type Step = Omit<Prisma.DelegatedTaskStepCreateManyInput, 'id' | 'taskId'> & { at: Date };

function timeline(
  task: Prisma.DelegatedTaskCreateManyInput,
  status: DelegatedTaskStatus,
  o: { offer: number; counter: number | null; finalOffer: number; random: Random; at: number },
): Step[] {
  const proposer = { actorRole: task.proposerType === 'STREET' ? 'STREET_STAFF' : 'DEPARTMENT_STAFF', actorUnitId: task.proposerId };
  const community = { actorRole: 'COMMITTEE_STAFF', actorUnitId: task.communityId };
  let at = o.at;
  const steps: Step[] = [];
  const add = (action: DelegatedTaskAction, to: DelegatedTaskStatus, who: typeof proposer, extra: Partial<Step> = {}, afterDays = 0) => {
    at += afterDays * day + o.random.int(1, 8) * 3_600_000;
    steps.push({ action, status: to, ...who, at: new Date(at), ...extra });
  };
  add('PROPOSE', 'PROPOSED', proposer, { budgetFen: o.offer });
  if (status === 'PROPOSED') return steps;
  if (o.counter) {
    add('COUNTER_PROPOSE', 'NEGOTIATING', community, { budgetFen: o.counter, note: '按实际参与人数和物资成本测算' }, 2);
    if (status === 'NEGOTIATING') return steps;
    if (status !== 'DECLINED') add('REVISE_OFFER', 'NEGOTIATING', proposer, { budgetFen: o.counter, note: '同意社区测算' }, 2);
  }
  if (status === 'DECLINED') {
    add('DECLINE', 'DECLINED', community, { note: o.random.pick(declineReasons) }, 3);
    return steps;
  }
  add('ACCEPT', 'ACCEPTED', community, { budgetFen: o.finalOffer }, 2);
  if (status === 'ACCEPTED') return steps;
  add('START', 'IN_PROGRESS', proposer, {}, 5);
  if (status === 'IN_PROGRESS') return steps;
  add('COMPLETE', 'COMPLETED', proposer, { note: '任务已按要求完成，社区已提交工作小结' }, 30);
  if (status === 'COMPLETED') return steps;
  add('SETTLE', 'SETTLED', proposer, { note: '经费使用情况已公示，账目结清' }, 10);
  return steps;
}
