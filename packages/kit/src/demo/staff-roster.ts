// The demo staff and where they are sent down (工作重心下移), once for every subgraph: departments
// stores them, evaluations scores them, and both must agree on who is assigned where. 8 per
// department and 5 per street office; all but each unit's head are assigned to communities:
// department staff across the district, street staff only within their street, so that every
// community has at least one of each.
import { demoCommunities, demoDepartments, demoStreets } from './jianghan.js';
import { staffId } from './people.js';
import { seededRandom, type Random } from './random.js';

export const staffPerDepartment = 8;
export const staffPerStreet = 5;
/** Communities each assigned department staff member looks after. */
const communitiesPerDepartmentStaff = 3;

export interface DemoStaffMember {
  id: string;
  unitType: 'DEPARTMENT' | 'STREET';
  unitId: string;
  /** 1 is the unit's head, who stays in the office. */
  n: number;
  /** Communities assigned to, sorted. */
  communityIds: string[];
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

function shuffle<T>(items: T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function buildRoster(): DemoStaffMember[] {
  const random = seededRandom('demo-staff-assignments');
  const members = [
    ...demoDepartments.flatMap((d) =>
      range(1, staffPerDepartment).map((n) => ({ id: staffId(d.id, n), unitType: 'DEPARTMENT' as const, unitId: d.id, n, communityIds: [] as string[] })),
    ),
    ...demoStreets.flatMap((s) =>
      range(1, staffPerStreet).map((n) => ({ id: staffId(s.id, n), unitType: 'STREET' as const, unitId: s.id, n, communityIds: [] as string[] })),
    ),
  ];
  const byId = new Map(members.map((m) => [m.id, m]));

  // Department field staff dealt round-robin over a shuffled district: 42 staff × 3 ≥ 112 communities.
  const district = shuffle(
    demoCommunities.map((c) => c.id),
    random,
  );
  const fieldStaff = members.filter((m) => m.unitType === 'DEPARTMENT' && m.n > 1);
  fieldStaff.forEach((m, i) => {
    for (let k = 0; k < communitiesPerDepartmentStaff; k++) m.communityIds.push(district[(i + k * fieldStaff.length) % district.length]!);
  });

  // Street field staff share their own street's communities.
  for (const street of demoStreets) {
    const field = range(2, staffPerStreet).map((n) => byId.get(staffId(street.id, n))!);
    demoCommunities
      .filter((c) => c.streetId === street.id)
      .forEach((c, i) => {
        field[i % field.length]!.communityIds.push(c.id);
      });
  }
  for (const m of members) m.communityIds.sort();
  return members;
}

let roster: DemoStaffMember[] | undefined;

/** Every demo staff member, departments' first, in id order within a unit. */
export function demoStaffRoster(): readonly DemoStaffMember[] {
  roster ??= buildRoster();
  return roster;
}
