// Creating a staff member: the district for any unit, a street office or department for its own
// (as with assigning them, staff-assignment.ts). Staff and their first assignments are written in
// one transaction, after every community was checked with committees: all or nothing.
import { randomUUID } from 'node:crypto';
import { badInput, check, notFound, rules } from '@shequ/kit';
import { actsForUnit, demand, type Unit } from '../access.js';
import { builder, type Context } from '../builder.js';
import { lookUpCommunity } from '../communities.js';
import { Staff } from './staff.js';

const CreateStaffInput = builder.inputType('CreateStaffInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: '2–20 characters' }),
    position: t.string({ required: true, description: 'Post held in the unit, 1–50 characters' }),
    departmentId: t.id({ description: 'For department staff; give this or streetId' }),
    streetId: t.id({ description: 'For street-office staff; give this or departmentId' }),
    communityIds: t.idList({ description: "Communities to assign them down to at once (street staff: only their street's)" }),
  }),
});

const maxCommunities = 20;

function unitOf(input: { departmentId?: string | null; streetId?: string | null }): Unit {
  if (Boolean(input.departmentId) === Boolean(input.streetId))
    throw badInput('Give exactly one of departmentId and streetId: a staff member belongs to one unit', { field: 'departmentId' });
  return input.departmentId ? { unitType: 'DEPARTMENT', unitId: input.departmentId } : { unitType: 'STREET', unitId: input.streetId! };
}

async function requireUnit(ctx: Context, unit: Unit): Promise<void> {
  const found =
    unit.unitType === 'DEPARTMENT'
      ? await ctx.prisma.department.findUnique({ where: { id: unit.unitId }, select: { id: true } })
      : await ctx.prisma.street.findUnique({ where: { id: unit.unitId }, select: { id: true } });
  if (!found) throw notFound(unit.unitType === 'DEPARTMENT' ? 'Department' : 'Street', unit.unitId);
}

/** The communities to assign, each known to committees and, for street staff, in their street. */
async function checkedCommunities(ctx: Context, unit: Unit, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length > maxCommunities) throw badInput(`Assign at most ${maxCommunities} communities at once`, { field: 'communityIds' });
  for (const id of unique) {
    const community = await lookUpCommunity(ctx, id);
    if (unit.unitType === 'STREET' && community.streetId !== unit.unitId) {
      throw badInput(`A street's staff serve only that street's communities: ${id} is not in ${unit.unitId}`, { field: 'communityIds' });
    }
  }
  return unique;
}

builder.mutationField('createStaff', (t) =>
  t.prismaField({
    type: Staff,
    description: 'Adds a civil servant to a street office or department, optionally assigned down to communities; the district for any unit, a unit for itself',
    authScopes: { role: ['DISTRICT_ADMIN', 'DEPARTMENT_STAFF', 'STREET_STAFF'] },
    args: { input: t.arg({ type: CreateStaffInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const name = check(rules.text(20, 2), input.name, 'name');
      const position = check(rules.text(50, 1), input.position, 'position');
      const unit = unitOf(input);
      demand(ctx.caller, actsForUnit(ctx.caller, unit), 'Only the unit itself (or the district) adds its staff');
      await requireUnit(ctx, unit);
      const communityIds = await checkedCommunities(ctx, unit, input.communityIds ?? []);
      const id = `staff-${randomUUID()}`;
      return ctx.prisma.$transaction(async (tx) => {
        await tx.staff.create({
          data: {
            id,
            name,
            position,
            unitType: unit.unitType,
            ...(unit.unitType === 'DEPARTMENT' ? { departmentId: unit.unitId } : { streetId: unit.unitId }),
          },
        });
        if (communityIds.length) await tx.staffAssignment.createMany({ data: communityIds.map((communityId) => ({ staffId: id, communityId })) });
        return tx.staff.findUniqueOrThrow({ ...query, where: { id } });
      });
    },
  }),
);
