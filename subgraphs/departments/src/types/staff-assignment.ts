import { badInput, conflict, isUniqueViolation, notFound } from '@shequ/kit';
import { actsForUnit, demand } from '../access.js';
import { builder, type Context } from '../builder.js';
import { lookUpCommunity } from '../communities.js';
import { Staff } from './staff.js';

async function loadStaffFor(ctx: Context, staffId: string) {
  const staff = await ctx.prisma.staff.findUnique({ where: { id: staffId } });
  if (!staff) throw notFound('Staff', staffId);
  const unit = staff.unitType === 'STREET' ? { unitType: staff.unitType, unitId: staff.streetId! } : { unitType: staff.unitType, unitId: staff.departmentId! };
  demand(ctx.caller, actsForUnit(ctx.caller, unit), "Only the staff member's own street or department (or the district) assigns them");
  return staff;
}

builder.mutationFields((t) => ({
  assignStaffToCommunity: t.field({
    type: Staff,
    description: "Assigns a staff member down to a community (工作重心下移); street staff only to their street's communities",
    authScopes: { role: ['DISTRICT_ADMIN', 'DEPARTMENT_STAFF', 'STREET_STAFF'] },
    args: { staffId: t.arg.id({ required: true }), communityId: t.arg.id({ required: true }) },
    resolve: async (_root, { staffId, communityId }, ctx) => {
      const staff = await loadStaffFor(ctx, staffId);
      const community = await lookUpCommunity(ctx, communityId);
      if (staff.streetId && community.streetId !== staff.streetId) {
        throw badInput(`A street's staff serve only that street's communities: ${communityId} is not in ${staff.streetId}`);
      }
      try {
        await ctx.prisma.staffAssignment.create({ data: { staffId, communityId } });
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict(`${staffId} is already assigned to ${communityId}`);
        throw err;
      }
      return staff;
    },
  }),
  unassignStaffFromCommunity: t.field({
    type: Staff,
    authScopes: { role: ['DISTRICT_ADMIN', 'DEPARTMENT_STAFF', 'STREET_STAFF'] },
    args: { staffId: t.arg.id({ required: true }), communityId: t.arg.id({ required: true }) },
    resolve: async (_root, { staffId, communityId }, ctx) => {
      const staff = await loadStaffFor(ctx, staffId);
      const { count } = await ctx.prisma.staffAssignment.deleteMany({ where: { staffId, communityId } });
      if (count === 0) throw notFound('Assignment of staff to community', `${staffId}/${communityId}`);
      return staff;
    },
  }),
}));
