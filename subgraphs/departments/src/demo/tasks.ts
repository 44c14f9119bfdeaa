// Demo delegated tasks in every state, with the history that led there. Tasks from acceptance on
// carry their budget transfer as an undelivered outbox event, exactly like a real acceptance: once
// the hub is up the dispatcher delivers them and the committees ledger records each once.
import { demoCommunities, demoDepartments, demoStreets, seededRandom, type Random } from '@shequ/kit';
import type { DelegatedTaskAction, DelegatedTaskStatus, Prisma } from '../generated/prisma/client.js';
import { fundTransferFor, fundTransferKind, transferEventId } from '../outbox/fund-transfer.js';
import { declineReasons, departmentCatalogue, streetCatalogue, type TaskTemplate } from './catalogue.js';

// As a district's book of delegated work looks on the reference day: most work done or under
// way, a few tasks waiting for the community's answer, some declined, and about a quarter of the
// open work past its due date. [status, how many, proposed between this many days ago].
const plan: [DelegatedTaskStatus, number, [number, number]][] = [
  ['SETTLED', 8, [200, 330]],
  ['COMPLETED', 5, [110, 190]],
  ['IN_PROGRESS', 9, [55, 120]],
  ['DECLINED', 3, [20, 150]],
  ['ACCEPTED', 4, [10, 45]],
  ['NEGOTIATING', 4, [6, 25]],
  ['PROPOSED', 3, [1, 12]],
];
const day = 86_400_000;
/** Of the open tasks, which run late: past their due date on the reference day. */
const lateShare = 0.45;

export interface DemoTaskData {
  tasks: Prisma.DelegatedTaskCreateManyInput[];
  steps: Prisma.DelegatedTaskStepCreateManyInput[];
  outbox: Prisma.OutboxEventCreateManyInput[];
}

const reached = (status: DelegatedTaskStatus, stage: DelegatedTaskStatus) => {
  const order: DelegatedTaskStatus[] = ['ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'SETTLED'];
  return order.indexOf(status) >= order.indexOf(stage) && order.includes(status);
};

/** `reference` is the demo's reference day: every step of every task lies before it. */
export function buildDemoTasks(reference: Date): DemoTaskData {
  const random = seededRandom('departments-tasks');
  const out: DemoTaskData = { tasks: [], steps: [], outbox: [] };
  const statuses = plan.flatMap(([status, count, ages]) => Array.from({ length: count }, () => ({ status, ages })));
  // Oldest first, so that task numbers follow the order they were proposed in.
  const dated = statuses.map(({ status, ages }) => ({ status, age: random.int(ages[0], ages[1]) })).sort((a, b) => b.age - a.age);
  dated.forEach(({ status, age }, i) => {
    const byStreet = i % 6 === 5;
    const unit = byStreet ? demoStreets[(i * 7) % demoStreets.length]! : demoDepartments[i % demoDepartments.length]!;
    const candidates = byStreet ? demoCommunities.filter((c) => c.streetId === unit.id) : demoCommunities;
    const template = random.pick<TaskTemplate>(byStreet ? streetCatalogue.tasks : departmentCatalogue[unit.id]!.tasks);
    const id = `task-demo-${String(i + 1).padStart(2, '0')}`;
    const proposedAt = new Date(reference.getTime() - age * day + random.int(1, 8) * 3_600_000);
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
      dueDate: dueDate(status, proposedAt, reference, random),
      version: 0,
      proposedAt,
    };
    const steps = timeline(task, status, { offer, counter, finalOffer, random, at: proposedAt.getTime() });
    task.version = steps.length - 1;
    for (const step of steps) {
      if (step.action === 'ACCEPT' || step.action === 'DECLINE') task.decidedAt = step.at;
      if (step.action === 'START') {
        task.startedAt ??= step.at;
        task[step.part === 'COMMUNITY' ? 'communityStartedAt' : 'proposerStartedAt'] = step.at;
      }
      if (step.action === 'COMPLETE') {
        task[step.part === 'COMMUNITY' ? 'communityCompletedAt' : 'proposerCompletedAt'] = step.at;
        if (step.status === 'COMPLETED') task.completedAt = step.at;
      }
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

/**
 * Done work was due two to three months after its proposal; of the open work about a quarter is
 * past due by days or weeks, the rest due within the next two months.
 */
function dueDate(status: DelegatedTaskStatus, proposedAt: Date, reference: Date, random: Random): Date | null {
  const midnight = (t: number) => new Date(Math.floor(t / day) * day);
  if (status === 'COMPLETED' || status === 'SETTLED' || status === 'DECLINED') return midnight(proposedAt.getTime() + random.int(60, 90) * day);
  if (random.chance(0.1)) return null;
  const late = reference.getTime() - random.int(3, 25) * day;
  // A task proposed days ago cannot have been due already: late work is work given weeks ago.
  if (random.chance(lateShare) && late > proposedAt.getTime() + 20 * day) return midnight(late);
  return midnight(reference.getTime() + random.int(10, 60) * day);
}

function timeline(
  task: Prisma.DelegatedTaskCreateManyInput,
  status: DelegatedTaskStatus,
  o: { offer: number; counter: number | null; finalOffer: number; random: Random; at: number },
): Step[] {
  const proposer = { actorRole: task.proposerType === 'STREET' ? 'STREET_STAFF' : 'DEPARTMENT_STAFF', actorUnitId: task.proposerId };
  const community = { actorRole: 'COMMITTEE_STAFF', actorUnitId: task.communityId };
  let at = o.at;
  const steps: Step[] = [];
  const add = (
    action: DelegatedTaskAction,
    to: DelegatedTaskStatus,
    who: typeof proposer & { part?: 'PROPOSER' | 'COMMUNITY' },
    extra: Partial<Step> = {},
    afterDays = 0,
  ) => {
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
  // Both sides start within days of the acceptance; a task under way may have one part done.
  const [first, second] = o.random.chance(0.5) ? (['PROPOSER', 'COMMUNITY'] as const) : (['COMMUNITY', 'PROPOSER'] as const);
  const by = (part: 'PROPOSER' | 'COMMUNITY') => ({ ...(part === 'PROPOSER' ? proposer : community), part });
  add('START', 'IN_PROGRESS', by(first), {}, o.random.int(2, 5));
  if (status === 'IN_PROGRESS' && o.random.chance(0.25)) return steps;
  add('START', 'IN_PROGRESS', by(second), {}, o.random.int(0, 3));
  if (status === 'IN_PROGRESS' && o.random.chance(0.6)) return steps;
  add('COMPLETE', 'IN_PROGRESS', by('COMMUNITY'), { note: '社区部分已完成，已提交工作小结' }, o.random.int(20, 35));
  if (status === 'IN_PROGRESS') return steps;
  add('COMPLETE', 'COMPLETED', by('PROPOSER'), { note: '部门部分已完成，任务验收通过' }, o.random.int(1, 6));
  if (status === 'COMPLETED') return steps;
  add('SETTLE', 'SETTLED', proposer, { note: '经费使用情况已公示，账目结清' }, 10);
  return steps;
}
