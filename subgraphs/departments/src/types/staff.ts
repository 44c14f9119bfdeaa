import type { Staff as StaffRow, StaffAssignment } from '../generated/prisma/client.js';
import { builder, type Context } from '../builder.js';
import { Community } from './community.js';
import { Department, departmentLoader } from './department.js';
import { UnitType } from './enums.js';
import { Street, streetLoader } from './street.js';

export const staffLoader = (ctx: Context) =>
  ctx.loaders.byKey(
    'staffById',
    (s: StaffRow) => s.id,
    (ids: readonly string[]) => ctx.prisma.staff.findMany({ where: { id: { in: [...ids] } } }),
  );

export const assignmentsByStaff = (ctx: Context) =>
  ctx.loaders.groupedBy(
    'assignmentsByStaff',
    (a: StaffAssignment) => a.staffId,
    (ids: readonly string[]) => ctx.prisma.staffAssignment.findMany({ where: { staffId: { in: [...ids] } }, orderBy: { communityId: 'asc' } }),
  );

const staffByUnit = (ctx: Context, column: 'streetId' | 'departmentId') =>
  ctx.loaders.groupedBy(
    `staffBy.${column}`,
    (s: StaffRow) => s[column] ?? '',
    (ids: readonly string[]) => ctx.prisma.staff.findMany({ where: { [column]: { in: [...ids] } }, orderBy: { id: 'asc' } }),
  );

const staffByCommunity = (ctx: Context) =>
  ctx.loaders.groupedBy(
    'staffByCommunity',
    (a: StaffAssignment & { staff: StaffRow }) => a.communityId,
    (ids: readonly string[]) =>
      ctx.prisma.staffAssignment.findMany({ where: { communityId: { in: [...ids] } }, include: { staff: true }, orderBy: { staffId: 'asc' } }),
  );

export const Staff = builder.prismaObject('Staff', {
  description: 'A civil servant (公务员) of a street office or a department; scored by community representatives',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    position: t.exposeString('position', { description: 'Post held in the unit' }),
    unitType: t.expose('unitType', { type: UnitType }),
    streetId: t.exposeID('streetId', { nullable: true, description: 'Set for street staff' }),
    departmentId: t.exposeID('departmentId', { nullable: true, description: 'Set for department staff' }),
    street: t.field({
      type: Street,
      nullable: true,
      resolve: (s, _args, ctx) => (s.streetId ? streetLoader(ctx).load(s.streetId) : null),
    }),
    department: t.field({
      type: Department,
      nullable: true,
      resolve: (s, _args, ctx) => (s.departmentId ? departmentLoader(ctx).load(s.departmentId) : null),
    }),
    assignedCommunities: t.field({
      type: [Community],
      nullable: { list: true, items: false },
      description: 'Communities this staff member is assigned down to (工作重心下移)',
      resolve: async (s, _args, ctx) => (await assignmentsByStaff(ctx).load(s.id)).map((a) => ({ id: a.communityId })),
    }),
  }),
});

builder.asEntity(Staff, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => staffLoader(ctx).load(ref.id),
});

builder.queryField('staff', (t) =>
  t.field({
    type: Staff,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => staffLoader(ctx).load(args.id),
  }),
);

builder.prismaObjectField(Street, 'staff', (t) =>
  t.field({ type: [Staff], description: "The street office's staff", resolve: (s, _args, ctx) => staffByUnit(ctx, 'streetId').load(s.id) }),
);

builder.prismaObjectField(Department, 'staff', (t) =>
  t.field({ type: [Staff], description: "The department's staff", resolve: (d, _args, ctx) => staffByUnit(ctx, 'departmentId').load(d.id) }),
);

builder.objectField(Community, 'assignedStaff', (t) =>
  t.field({
    type: [Staff],
    nullable: { list: true, items: false },
    description: 'Street and department staff assigned to this community (工作重心下移)',
    resolve: async (c, _args, ctx) => (await staffByCommunity(ctx).load(c.id)).map((a) => a.staff),
  }),
);
