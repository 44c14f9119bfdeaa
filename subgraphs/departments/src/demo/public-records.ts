// Demo commitments and notices (承诺制、公示制) of every department and street, with a mix of
// kept, broken and pending; and the relationships between units and communities that follow
// from the staff assignments (指导与协助) with the communities' supervision channels (服务与监督).
import { demoCommunities, demoDepartments, demoStreets, seededRandom } from '@shequ/kit';
import type { CommitmentStatus, Prisma } from '../generated/prisma/client.js';
import { departmentCatalogue, streetCatalogue } from './catalogue.js';
import type { DemoStaffData } from './staff.js';

const day = 86_400_000;
const published = Date.UTC(2026, 0, 15, 2);

export function buildDemoCommitments(): { commitments: Prisma.CommitmentCreateManyInput[]; notices: Prisma.NoticeCreateManyInput[] } {
  const random = seededRandom('departments-commitments');
  const commitments: Prisma.CommitmentCreateManyInput[] = [];
  const notices: Prisma.NoticeCreateManyInput[] = [];
  const owners = [
    ...demoDepartments.map((d) => ({ ownerType: 'DEPARTMENT' as const, ownerId: d.id, catalogue: departmentCatalogue[d.id]! })),
    ...demoStreets.map((s) => ({ ownerType: 'STREET' as const, ownerId: s.id, catalogue: streetCatalogue })),
  ];
  for (const { ownerType, ownerId, catalogue } of owners) {
    catalogue.commitments.forEach((c, i) => {
      const roll = random.next();
      const status: CommitmentStatus = roll < 0.45 ? 'KEPT' : roll < 0.6 ? 'BROKEN' : 'PENDING';
      // Assessed ones fell due in 2026; pending ones fall due in the first half of 2027.
      const deadline = status === 'PENDING' ? Date.UTC(2027, random.int(0, 5), random.int(1, 28)) : Date.UTC(2026, random.int(2, 9), random.int(1, 28));
      commitments.push({
        id: `commitment-${ownerId}-${i + 1}`,
        ownerType,
        ownerId,
        title: c.title,
        target: c.target,
        deadline: new Date(deadline),
        status,
        outcome: status === 'KEPT' ? `按期达到：${c.target}` : status === 'BROKEN' ? '未按期达到目标，已向社区说明原因并公示整改措施' : null,
        publishedAt: new Date(published + random.int(0, 30) * day),
        resolvedAt: status === 'PENDING' ? null : new Date(deadline + random.int(1, 10) * day),
      });
    });
    catalogue.notices.forEach((n, i) => {
      notices.push({ id: `notice-${ownerId}-${i + 1}`, ownerType, ownerId, title: n.title, body: n.body, publishedAt: new Date(published + random.int(0, 200) * day) });
    });
  }
  return { commitments, notices };
}

export function buildDemoRelationships(staff: DemoStaffData): Prisma.RelationshipCreateManyInput[] {
  const since = new Date(Date.UTC(2026, 0, 1));
  const staffById = new Map(staff.staff.map((s) => [s.id, s]));
  const departmentById = new Map(demoDepartments.map((d) => [d.id, d]));
  const rows = new Map<string, Prisma.RelationshipCreateManyInput>();
  const add = (row: Omit<Prisma.RelationshipCreateManyInput, 'id' | 'since'>) => {
    const id = `rel-${row.kind === 'GUIDANCE' ? 'g' : 's'}-${row.unitId}-${row.communityId}`;
    if (!rows.has(id)) rows.set(id, { id, since, ...row });
  };
  for (const community of demoCommunities) {
    add({ kind: 'GUIDANCE', unitType: 'STREET', unitId: community.streetId, communityId: community.id, subject: '社区居委会日常工作与社区建设', channel: '街道社区建设科联系，社区工作指导员每周驻点' });
    add({ kind: 'SUPERVISION', unitType: 'STREET', unitId: community.streetId, communityId: community.id, subject: '街道办事处履职与服务承诺', channel: '社区成员代表大会年度评议；社区意见箱每周开箱' });
  }
  for (const a of staff.assignments) {
    const member = staffById.get(a.staffId);
    const dept = member?.departmentId ? departmentById.get(member.departmentId) : undefined;
    if (member?.streetId) {
      const row = rows.get(`rel-g-${member.streetId}-${a.communityId}`);
      if (row && !row.liaisonStaffId) row.liaisonStaffId = member.id;
    }
    if (!dept) continue;
    add({ kind: 'GUIDANCE', unitType: 'DEPARTMENT', unitId: dept.id, communityId: a.communityId, subject: dept.specialty, channel: '驻社区专干每周到社区指导一次', liaisonStaffId: member!.id });
    add({ kind: 'SUPERVISION', unitType: 'DEPARTMENT', unitId: dept.id, communityId: a.communityId, subject: `${dept.shortName}驻社区人员工作作风与服务质量`, channel: '居民议事会季度通报；社区成员代表对驻社区人员评分' });
  }
  return [...rows.values()];
}
