// Demo staff: 8 per department and 5 per street office, IDs from the kit's staffId so that every
// subgraph names the same people. All but each unit's head are assigned down to communities
// (工作重心下移): department staff across the district, street staff only within their street,
// so that every community has at least one of each.
import { demoCommunities, demoDepartments, demoStreets, seededRandom, staffId, syntheticName } from '@shequ/kit';
import type { Prisma } from '../generated/prisma/client.js';

export const staffPerDepartment = 8;
export const staffPerStreet = 5;
/** Communities each assigned department staff member looks after. */
const communitiesPerDepartmentStaff = 3;

const departmentPositions = ['社区工作科科长', '社区工作科副科长', '驻社区专干', '驻社区专干', '科员', '驻社区专干', '科员', '驻社区专干'];
const streetPositions = ['街道办事处副主任', '社区建设科科长', '社区工作指导员', '社区工作指导员', '社区工作指导员'];

export interface DemoStaffData {
  staff: Prisma.StaffCreateManyInput[];
  assignments: Prisma.StaffAssignmentCreateManyInput[];
}

export function buildDemoStaff(): DemoStaffData {
  const random = seededRandom('departments-staff');
  const staff: Prisma.StaffCreateManyInput[] = [];
  const assignments: Prisma.StaffAssignmentCreateManyInput[] = [];

  for (const dept of demoDepartments) {
    for (let n = 1; n <= staffPerDepartment; n++) {
      staff.push({ id: staffId(dept.id, n), name: syntheticName(random).name, position: departmentPositions[n - 1]!, unitType: 'DEPARTMENT', departmentId: dept.id });
    }
  }
  for (const street of demoStreets) {
    for (let n = 1; n <= staffPerStreet; n++) {
      staff.push({ id: staffId(street.id, n), name: syntheticName(random).name, position: streetPositions[n - 1]!, unitType: 'STREET', streetId: street.id });
    }
  }

  // Department field staff dealt round-robin over a shuffled district: 42 staff × 3 ≥ 112 communities.
  const district = shuffle(demoCommunities.map((c) => c.id), random);
  const fieldStaff = demoDepartments.flatMap((d) => range(2, staffPerDepartment).map((n) => staffId(d.id, n)));
  fieldStaff.forEach((id, i) => {
    for (let k = 0; k < communitiesPerDepartmentStaff; k++) {
      assignments.push({ staffId: id, communityId: district[(i + k * fieldStaff.length) % district.length]! });
    }
  });

  // Street field staff share their own street's communities.
  for (const street of demoStreets) {
    const field = range(2, staffPerStreet).map((n) => staffId(street.id, n));
    demoCommunities
      .filter((c) => c.streetId === street.id)
      .forEach((c, i) => assignments.push({ staffId: field[i % field.length]!, communityId: c.id }));
  }
  return { staff, assignments };
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function shuffle<T>(items: T[], random: ReturnType<typeof seededRandom>): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
