// Demo staff: who they are and where they are sent down come from the kit's roster, which
// evaluations scores too; here they get their names and posts.
import { demoStaffRoster, seededRandom, syntheticName } from '@shequ/kit';
import type { Prisma } from '../generated/prisma/client.js';

const departmentPositions = ['社区工作科科长', '社区工作科副科长', '驻社区专干', '驻社区专干', '科员', '驻社区专干', '科员', '驻社区专干'];
const streetPositions = ['街道办事处副主任', '社区建设科科长', '社区工作指导员', '社区工作指导员', '社区工作指导员'];

export interface DemoStaffData {
  staff: Prisma.StaffCreateManyInput[];
  assignments: Prisma.StaffAssignmentCreateManyInput[];
}

export function buildDemoStaff(): DemoStaffData {
  const random = seededRandom('departments-staff');
  const roster = demoStaffRoster();
  const staff = roster.map(
    (m): Prisma.StaffCreateManyInput => ({
      id: m.id,
      // Staff records have no gender: the name draws one.
      name: syntheticName(random).name,
      position: (m.unitType === 'DEPARTMENT' ? departmentPositions : streetPositions)[m.n - 1]!,
      unitType: m.unitType,
      ...(m.unitType === 'DEPARTMENT' ? { departmentId: m.unitId } : { streetId: m.unitId }),
    }),
  );
  const assignments = roster.flatMap((m) => m.communityIds.map((communityId) => ({ staffId: m.id, communityId })));
  return { staff, assignments };
}
