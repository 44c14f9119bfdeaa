// Demo notices (公示制) of every department and street (their commitments: commitments.ts); and
// the relationships between units and communities that follow
// from the staff assignments (指导与协助) with the communities' supervision channels (服务与监督).
import { demoCommunities, demoDepartments, demoStreets, seededRandom } from '@shequ/kit';
import type { Prisma } from '../generated/prisma/client.js';
import { departmentCatalogue, streetCatalogue } from './catalogue.js';
import type { DemoStaffData } from './staff.js';

const day = 86_400_000;
const published = Date.UTC(2026, 0, 15, 2);

export function buildDemoNotices(): Prisma.NoticeCreateManyInput[] {
  const random = seededRandom('departments-notices');
  const owners = [
    ...demoDepartments.map((d) => ({ ownerType: 'DEPARTMENT' as const, ownerId: d.id, catalogue: departmentCatalogue[d.id]! })),
    ...demoStreets.map((s) => ({ ownerType: 'STREET' as const, ownerId: s.id, catalogue: streetCatalogue })),
  ];
  return owners.flatMap(({ ownerType, ownerId, catalogue }) =>
    catalogue.notices.map((n, i) => ({
      id: `notice-${ownerId}-${i + 1}`,
      ownerType,
      ownerId,
      title: n.title,
      body: n.body,
      publishedAt: new Date(published + random.int(0, 200) * day),
    })),
  );
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
    add({
      kind: 'GUIDANCE',
      unitType: 'STREET',
      unitId: community.streetId,
      communityId: community.id,
      subject: '社区居委会日常工作与社区建设',
      channel: '街道社区建设科联系，社区工作指导员每周驻点',
    });
    add({
      kind: 'SUPERVISION',
      unitType: 'STREET',
      unitId: community.streetId,
      communityId: community.id,
      subject: '街道办事处履职与服务承诺',
      channel: '社区成员代表大会年度评议；社区意见箱每周开箱',
    });
  }
  for (const a of staff.assignments) {
    const member = staffById.get(a.staffId);
    const dept = member?.departmentId ? departmentById.get(member.departmentId) : undefined;
    if (member?.streetId) {
      const row = rows.get(`rel-g-${member.streetId}-${a.communityId}`);
      if (row && !row.liaisonStaffId) row.liaisonStaffId = member.id;
    }
    if (!dept) continue;
    add({
      kind: 'GUIDANCE',
      unitType: 'DEPARTMENT',
      unitId: dept.id,
      communityId: a.communityId,
      subject: dept.specialty,
      channel: '驻社区专干每周到社区指导一次',
      liaisonStaffId: member!.id,
    });
    add({
      kind: 'SUPERVISION',
      unitType: 'DEPARTMENT',
      unitId: dept.id,
      communityId: a.communityId,
      subject: `${dept.shortName}驻社区人员工作作风与服务质量`,
      channel: '居民议事会季度通报；社区成员代表对驻社区人员评分',
    });
  }
  return [...rows.values()];
}
