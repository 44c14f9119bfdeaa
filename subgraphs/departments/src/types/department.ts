import type { Department as DepartmentRow } from '../generated/prisma/client.js';
import { builder, type Context } from '../builder.js';

export const departmentLoader = (ctx: Context) =>
  ctx.loaders.byKey(
    'departmentById',
    (d: DepartmentRow) => d.id,
    (ids: readonly string[]) => ctx.prisma.department.findMany({ where: { id: { in: [...ids] } } }),
  );

export const Department = builder.prismaObject('Department', {
  description: 'A government functional department (职能部门)',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name', { description: 'Chinese name' }),
    nameEn: t.exposeString('nameEn', { description: 'English name' }),
    shortName: t.exposeString('shortName'),
    specialty: t.exposeString('specialty', { description: 'The specialised work it guides in communities' }),
  }),
});

builder.asEntity(Department, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => departmentLoader(ctx).load(ref.id),
});

builder.queryFields((t) => ({
  departments: t.prismaField({
    type: ['Department'],
    resolve: (query, _root, _args, ctx) => ctx.prisma.department.findMany({ ...query, orderBy: { id: 'asc' } }),
  }),
  department: t.prismaField({
    type: 'Department',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => ctx.prisma.department.findUnique({ ...query, where: { id: args.id } }),
  }),
}));
