// Creating staff through the gateway: the district for any unit, a street office or department
// for its own; bad input refused with nothing written; first assignments checked with committees.
import type { TokenClaims } from '@shequ/kit';
import { startTestFederation, type TestFederation } from '@shequ/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';
import { departmentsDb, health } from './departments-helpers.js';

const quietDepartments = { ...departments, workers: undefined };
const create = `mutation($i: CreateStaffInput!) { createStaff(input: $i) {
  id name position unitType departmentId streetId department { id } street { id } assignedCommunities { id } } }`;
const admin: TokenClaims = { role: 'DISTRICT_ADMIN', sub: 'admin-1' };
const minzuStreet: TokenClaims = { role: 'STREET_STAFF', streetId: 'street-minzu', sub: 'staff-street-minzu-01' };
const code = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.code;

interface Created {
  id: string;
  name: string;
  position: string;
  unitType: string;
  departmentId: string | null;
  streetId: string | null;
  assignedCommunities: { id: string }[];
}

describe('creating staff', () => {
  let hub: TestFederation;
  const staffCount = () => departmentsDb(hub).staff.count();
  beforeAll(async () => {
    hub = await startTestFederation({ subgraphs: [committees, quietDepartments] });
  }, 240_000);
  afterAll(() => hub?.close());

  it('lets a department add its own staff, assigned down to communities, and shows them to everyone', async () => {
    const res = await hub.query<{ createStaff: Created }>(
      create,
      {
        i: {
          name: ' 欧阳娜 ',
          position: '驻社区专干',
          departmentId: 'dept-health',
          communityIds: ['community-minzu-01', 'community-hualou-02', 'community-minzu-01'],
        },
      },
      health,
    );
    expect(res.errors).toBeUndefined();
    const made = res.data!.createStaff;
    expect(made).toMatchObject({ name: '欧阳娜', position: '驻社区专干', unitType: 'DEPARTMENT', departmentId: 'dept-health', streetId: null });
    expect(made.id).toMatch(/^staff-[0-9a-f-]{36}$/);
    expect(made.assignedCommunities.map((c) => c.id)).toEqual(['community-hualou-02', 'community-minzu-01']);
    const seen = await hub.query<{ community: { assignedStaff: { id: string }[] }; department: { staff: { id: string }[] } }>(
      'query($id: ID!) { community(id: "community-hualou-02") { assignedStaff { id } } department(id: "dept-health") { staff { id } } staff(id: $id) { id } }',
      { id: made.id },
    );
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.community.assignedStaff).toContainEqual({ id: made.id });
    expect(seen.data!.department.staff).toContainEqual({ id: made.id });
  });

  it('lets the district add staff to any unit, and a street only to its own communities', async () => {
    const byAdmin = await hub.query<{ createStaff: Created }>(create, { i: { name: '司马亮', position: '科员', streetId: 'street-hualou' } }, admin);
    expect(byAdmin.errors).toBeUndefined();
    expect(byAdmin.data!.createStaff).toMatchObject({ unitType: 'STREET', streetId: 'street-hualou', assignedCommunities: [] });
    const before = await staffCount();
    const outside = await hub.query(
      create,
      { i: { name: '张伟', position: '社区工作指导员', streetId: 'street-minzu', communityIds: ['community-minzu-02', 'community-hualou-01'] } },
      minzuStreet,
    );
    expect(code(outside)).toBe('BAD_USER_INPUT');
    expect(await staffCount()).toBe(before);
    const own = await hub.query<{ createStaff: Created }>(
      create,
      { i: { name: '张伟', position: '社区工作指导员', streetId: 'street-minzu', communityIds: ['community-minzu-02'] } },
      minzuStreet,
    );
    expect(own.errors).toBeUndefined();
    expect(own.data!.createStaff.assignedCommunities).toEqual([{ id: 'community-minzu-02' }]);
  });

  it('refuses other units and roles', async () => {
    const before = await staffCount();
    const input = { name: '李芳', position: '科员', departmentId: 'dept-culture' };
    expect(code(await hub.query(create, { i: input }, null))).toBe('UNAUTHENTICATED');
    expect(code(await hub.query(create, { i: input }, health))).toBe('FORBIDDEN');
    expect(code(await hub.query(create, { i: input }, minzuStreet))).toBe('FORBIDDEN');
    expect(code(await hub.query(create, { i: { ...input, departmentId: undefined, streetId: 'street-hualou' } }, minzuStreet))).toBe('FORBIDDEN');
    expect(code(await hub.query(create, { i: input }, { role: 'COMMITTEE_STAFF', communityId: 'community-minzu-01', sub: 'clerk-1' }))).toBe('FORBIDDEN');
    expect(
      code(
        await hub.query(
          create,
          { i: input },
          { role: 'REPRESENTATIVE', communityId: 'community-minzu-01', personId: 'rep-minzu-01-01', sub: 'rep-minzu-01-01' },
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(await staffCount()).toBe(before);
  });

  it('refuses bad input with nothing written', async () => {
    const before = await staffCount();
    const base = { name: '王静', position: '科员', departmentId: 'dept-health' };
    for (const [label, input, expected] of [
      ['a one-character name', { ...base, name: '王' }, 'BAD_USER_INPUT'],
      ['a blank name', { ...base, name: '   ' }, 'BAD_USER_INPUT'],
      ['an overlong name', { ...base, name: '王'.repeat(21) }, 'BAD_USER_INPUT'],
      ['no position', { ...base, position: '' }, 'BAD_USER_INPUT'],
      ['no unit', { name: '王静', position: '科员' }, 'BAD_USER_INPUT'],
      ['two units', { ...base, streetId: 'street-minzu' }, 'BAD_USER_INPUT'],
      [
        'too many communities',
        { ...base, communityIds: Array.from({ length: 21 }, (_, i) => `community-minzu-${String(i + 1).padStart(2, '0')}`) },
        'BAD_USER_INPUT',
      ],
      ['an unknown community', { ...base, communityIds: ['community-minzu-01', 'community-nowhere'] }, 'NOT_FOUND'],
    ] as const) {
      expect(code(await hub.query(create, { i: input }, health)), label).toBe(expected);
    }
    expect(code(await hub.query(create, { i: { ...base, departmentId: 'dept-nowhere' } }, admin))).toBe('NOT_FOUND');
    expect(code(await hub.query(create, { i: { ...base, departmentId: undefined, streetId: 'street-nowhere' } }, admin))).toBe('NOT_FOUND');
    expect(await staffCount()).toBe(before);
    expect(await departmentsDb(hub).staffAssignment.count({ where: { communityId: 'community-nowhere' } })).toBe(0);
  });
});
