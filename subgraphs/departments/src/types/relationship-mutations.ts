import { randomUUID } from 'node:crypto';
import { badInput, type Caller, check, conflict, isUniqueViolation, managesCommunity, notFound, rules } from '@shequ/kit';
import { actsForUnit, demand } from '../access.js';
import { builder } from '../builder.js';
import { lookUpCommunity } from '../communities.js';
import type { Relationship as RelationshipRow } from '../generated/prisma/client.js';
import { findUnit } from '../tasks/proposer.js';
import { RelationshipKind } from './enums.js';
import { Relationship } from './relationship.js';

/** Guidance is recorded by the guiding unit, a supervision channel by the community that supervises. */
function mayRecord(caller: Caller, r: Pick<RelationshipRow, 'kind' | 'unitType' | 'unitId' | 'communityId'>): boolean {
  return r.kind === 'GUIDANCE' ? actsForUnit(caller, r) : managesCommunity(caller, r.communityId);
}
const refusal = "Guidance is recorded by the guiding street or department, a supervision channel by the supervising community's committee staff";

const RecordRelationshipInput = builder.inputType('RecordRelationshipInput', {
  fields: (t) => ({
    kind: t.field({ type: RelationshipKind, required: true }),
    unitId: t.id({ required: true, description: 'The street or department' }),
    communityId: t.id({ required: true }),
    subject: t.string({ required: true }),
    channel: t.string({ required: true }),
    liaisonStaffId: t.id({ description: 'A staff member of the unit who liaises with the community' }),
    since: t.field({ type: 'Date', description: 'Defaults to today' }),
  }),
});

builder.mutationFields((t) => ({
  recordRelationship: t.field({
    type: Relationship,
    authScopes: { role: ['DISTRICT_ADMIN', 'DEPARTMENT_STAFF', 'STREET_STAFF', 'COMMITTEE_STAFF'] },
    args: { input: t.arg({ type: RecordRelationshipInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const subject = check(rules.text(200, 2), input.subject, 'subject');
      const channel = check(rules.text(500, 2), input.channel, 'channel');
      const unit = await findUnit(ctx.prisma, input.unitId);
      const key = { kind: input.kind, unitType: unit.unitType, unitId: unit.unitId, communityId: input.communityId };
      demand(ctx.caller, mayRecord(ctx.caller, key), refusal);
      if (input.liaisonStaffId) {
        const staff = await ctx.prisma.staff.findUnique({ where: { id: input.liaisonStaffId } });
        if (!staff || (staff.streetId ?? staff.departmentId) !== unit.unitId)
          throw badInput(`${input.liaisonStaffId} is not a staff member of ${unit.unitId}`, { field: 'liaisonStaffId' });
      }
      const community = await lookUpCommunity(ctx, input.communityId);
      if (unit.unitType === 'STREET' && community.streetId !== unit.unitId)
        throw badInput(`${community.id} is not in ${unit.unitId}`, { field: 'communityId' });
      const since = new Date(`${input.since ?? new Date().toISOString().slice(0, 10)}T00:00:00.000Z`);
      const data = { channel, liaisonStaffId: input.liaisonStaffId ?? null, since, endedAt: null };
      const unique = { kind_communityId_unitId_subject: { kind: key.kind, communityId: key.communityId, unitId: key.unitId, subject } };
      const existing = await ctx.prisma.relationship.findUnique({ where: unique });
      if (existing && !existing.endedAt)
        throw conflict(`This ${key.kind.toLowerCase()} relationship is already recorded (${existing.id})`, { id: existing.id });
      try {
        // An ended relationship taken up again keeps its id and history of being recorded once.
        if (existing) return await ctx.prisma.relationship.update({ where: { id: existing.id }, data });
        return await ctx.prisma.relationship.create({ data: { id: `rel-${randomUUID()}`, ...key, subject, ...data } });
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('This relationship was recorded meanwhile');
        throw err;
      }
    },
  }),
  endRelationship: t.field({
    type: Relationship,
    authScopes: { role: ['DISTRICT_ADMIN', 'DEPARTMENT_STAFF', 'STREET_STAFF', 'COMMITTEE_STAFF'] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      const existing = await ctx.prisma.relationship.findUnique({ where: { id } });
      if (!existing) throw notFound('Relationship', id);
      demand(ctx.caller, mayRecord(ctx.caller, existing), refusal);
      const { count } = await ctx.prisma.relationship.updateMany({ where: { id, endedAt: null }, data: { endedAt: new Date() } });
      if (count === 0) throw conflict(`Relationship ${id} has already ended`);
      return ctx.prisma.relationship.findUniqueOrThrow({ where: { id } });
    },
  }),
}));
