// Demo commitments (承诺制) of every department, street and service point, each made to a few of
// the communities the owner serves, with those communities' assessments: some not yet due, some
// kept early, most due ones assessed after their deadline, a few judged broken, some communities
// still to assess. Dates run from months ago to today; the status follows from the assessments by
// the same rule as a live assessment (standing.ts), and the evidence is anonymised as a live one is.
//
// The service points are the `services` subgraph's demo network, built from the same
// deterministic plan so that ids, communities and contract periods agree. Demo only: at run time
// this subgraph knows service points only through the gateway.
import { anonymise, demoCommunities, demoDepartments, demoStreets, seededRandom, type Random } from '@shequ/kit';
import { demoNetwork } from '@shequ/subgraph-services/demo/network';
import type { CommitmentVerdict, Prisma } from '../generated/prisma/client.js';
import { standing } from '../commitments/standing.js';
import { departmentCatalogue, streetCatalogue, type CommitmentTemplate } from './catalogue.js';
import type { DemoStaffData } from './staff.js';

const day = 86_400_000;

export interface DemoCommitments {
  commitments: Prisma.CommitmentCreateManyInput[];
  communities: Prisma.CommitmentCommunityCreateManyInput[];
  assessments: Prisma.CommitmentAssessmentCreateManyInput[];
}

const pointTemplates: CommitmentTemplate[] = [
  { title: '公开收费标准，不收取目录外费用', target: '收费不超出公示的价目表，全年零违规收费' },
  { title: '受理后24小时内联系居民', target: '受理的服务需求100%在24小时内电话或上门联系' },
];

const keptEvidence = [
  (t: string) => `社区成员代表大会听取通报并现场核查：${t}，已达到。`,
  (t: string) => `居委会查阅台账、入户走访二十户居民，目标“${t}”已兑现。`,
  (_t: string) => `社区协商议事委员会评议通过：按期完成，居民满意。`,
];
const brokenEvidence = [
  (t: string) => `截至期限未达到“${t}”，居民反映多次未获答复。`,
  () => '社区核查发现仅部分完成，未按承诺时限落实，已要求限期整改。',
  () => '居民代表评议认为未兑现承诺：期限已过，相关服务仍未到位。',
];

interface Owner {
  ownerType: 'DEPARTMENT' | 'STREET' | 'SERVICE_POINT';
  ownerId: string;
  templates: CommitmentTemplate[];
  /** The communities it serves, to make its commitments to. */
  serves: string[];
  howMany: [number, number];
  proposedByRole: string;
  /** Published no earlier than this. */
  since?: Date;
  /** Commitments that run to a fixed day (a service point's contract end). */
  deadlines?: (Date | null)[];
}

export function buildDemoCommitments(staff: DemoStaffData, today: Date): DemoCommitments {
  const random = seededRandom('departments-commitments');
  const out: DemoCommitments = { commitments: [], communities: [], assessments: [] };
  const staffDepartment = new Map(staff.staff.map((s) => [s.id, s.departmentId]));
  const servedBy = (departmentId: string) =>
    [...new Set(staff.assignments.filter((a) => staffDepartment.get(a.staffId) === departmentId).map((a) => a.communityId))].sort();
  const ofStreet = (streetId: string) => demoCommunities.filter((c) => c.streetId === streetId).map((c) => c.id);

  const owners: Owner[] = [
    ...demoDepartments.map(
      (d): Owner => ({
        ownerType: 'DEPARTMENT',
        ownerId: d.id,
        templates: departmentCatalogue[d.id]!.commitments,
        serves: servedBy(d.id),
        howMany: [3, 6],
        proposedByRole: 'DEPARTMENT_STAFF',
      }),
    ),
    ...demoStreets.map(
      (s): Owner => ({
        ownerType: 'STREET',
        ownerId: s.id,
        templates: streetCatalogue.commitments,
        serves: ofStreet(s.id),
        howMany: [2, 4],
        proposedByRole: 'STREET_STAFF',
      }),
    ),
    ...demoNetwork(today).points.map(
      (p): Owner => ({
        ownerType: 'SERVICE_POINT',
        ownerId: p.id!,
        templates: pointTemplates,
        serves: p.communityId ? [p.communityId] : ofStreet(p.streetId!),
        howMany: p.communityId ? [1, 1] : [2, 3],
        proposedByRole: 'PARTNER',
        since: p.contractStart as Date,
        // The first runs for the whole contract; the second was due within it.
        deadlines: [p.contractEnd as Date, null],
      }),
    ),
  ];

  for (const owner of owners) {
    owner.templates.forEach((template, i) => {
      const id = owner.ownerType === 'SERVICE_POINT' ? `${owner.ownerId}-c${i + 1}` : `commitment-${owner.ownerId}-${i + 1}`;
      const communities = pick(random, owner.serves, random.int(...owner.howMany));
      addCommitment(out, random, today, { id, owner, template, communities, fixedDeadline: owner.deadlines?.[i] ?? null });
    });
  }
  return out;
}

interface Plan {
  id: string;
  owner: Owner;
  template: CommitmentTemplate;
  communities: string[];
  fixedDeadline: Date | null;
}

function addCommitment(out: DemoCommitments, random: Random, today: Date, { id, owner, template, communities, fixedDeadline }: Plan) {
  const earliest = owner.since ? Math.max(owner.since.getTime(), today.getTime() - 700 * day) : today.getTime() - random.int(60, 300) * day;
  const publishedAt = new Date(Math.min(earliest, today.getTime() - 20 * day) + 2 * 3_600_000);
  // About six in ten are due by now; the rest run on.
  const due = random.chance(0.6);
  const deadline =
    fixedDeadline ??
    new Date(due ? Math.max(publishedAt.getTime() + 14 * day, today.getTime() - random.int(5, 150) * day) : today.getTime() + random.int(10, 220) * day);
  const dueDay = new Date(Date.UTC(deadline.getUTCFullYear(), deadline.getUTCMonth(), deadline.getUTCDate()));
  const isDue = dueDay.getTime() < today.getTime();
  const quality = random.next();

  const verdicts: CommitmentVerdict[] = [];
  let decidedAt: Date | null = null;
  for (const communityId of communities) {
    out.communities.push({ commitmentId: id, communityId });
    // Once due, most communities assess it; before that, a few judge it kept early.
    if (!random.chance(isDue ? 0.85 : 0.25)) continue;
    const verdict: CommitmentVerdict = isDue && random.next() < 0.08 + quality * 0.3 ? 'BROKEN' : 'KEPT';
    const from = verdict === 'BROKEN' || isDue ? dueDay.getTime() + day : publishedAt.getTime() + 7 * day;
    const assessedOn = new Date(Math.min(today.getTime(), from + random.int(0, 25) * day));
    const lines = verdict === 'KEPT' ? keptEvidence : brokenEvidence;
    out.assessments.push({
      id: `${id}-a-${communityId}`,
      commitmentId: id,
      communityId,
      verdict,
      evidence: anonymise(random.pick(lines)(template.target)),
      assessedOn,
      recordedAt: new Date(assessedOn.getTime() + 10 * 3_600_000),
    });
    verdicts.push(verdict);
    if (verdict === 'BROKEN' && (!decidedAt || assessedOn < decidedAt)) decidedAt = assessedOn;
  }
  const status = standing(verdicts, communities.length);
  const lastAssessment = out.assessments.filter((a) => a.commitmentId === id).reduce((latest, a) => Math.max(latest, (a.assessedOn as Date).getTime()), 0);
  const resolvedAt = status === 'BROKEN' ? decidedAt : status === 'KEPT' ? new Date(lastAssessment) : null;
  out.commitments.push({
    id,
    ownerType: owner.ownerType,
    ownerId: owner.ownerId,
    title: template.title,
    target: template.target,
    deadline: dueDay,
    status,
    proposedByRole: owner.proposedByRole,
    publishedAt,
    resolvedAt: resolvedAt ? new Date(resolvedAt.getTime() + 10 * 3_600_000) : null,
  });
}

function pick<T>(random: Random, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(random.int(0, pool.length - 1), 1)[0]!);
  return out.sort();
}
