import { randomUUID } from 'node:crypto';
import { check, conflict, rules } from '@shequ/kit';
import type { ConsultationMember as MemberRow } from '../generated/prisma/client.js';
import { managerRoles } from '../access.js';
import { builder, type Context } from '../builder.js';
import { lockedWrite } from '../transactions.js';
import { ConstituencyEnum } from './enums.js';

const membersByCommunity = (ctx: Context) =>
  ctx.loaders.groupedBy(
    'consultationMembersByCommunity',
    (m: MemberRow) => m.communityId,
    (ids: readonly string[]) =>
      ctx.prisma.consultationMember.findMany({ where: { communityId: { in: [...ids] } }, orderBy: [{ convener: 'desc' }, { joinedOn: 'asc' }, { id: 'asc' }] }),
  );

export const ConsultationMember = builder.prismaObject('ConsultationMember', {
  description: 'A member of the consultation and deliberation committee (社区协商议事委员会)',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    constituency: t.expose('constituency', { type: ConstituencyEnum }),
    convener: t.exposeBoolean('convener', { description: "Convenes the committee's meetings; one per community" }),
    joinedOn: t.expose('joinedOn', { type: 'Date' }),
  }),
});

builder.prismaObjectFields('Community', (t) => ({
  consultationMembers: t.field({
    type: [ConsultationMember],
    description: 'The consultation and deliberation committee (协商议事委员会), convener first',
    resolve: (c, _args, ctx) => membersByCommunity(ctx).load(c.id),
  }),
}));

const AddInput = builder.inputType('AddConsultationMemberInput', {
  fields: (t) => ({
    communityId: t.id({ required: true }),
    name: t.string({ required: true }),
    constituency: t.field({ type: ConstituencyEnum, required: true }),
    convener: t.boolean({ description: 'CONFLICT when the committee already has a convener' }),
  }),
});

builder.mutationField('addConsultationMember', (t) =>
  t.prismaField({
    type: 'ConsultationMember',
    authScopes: { role: managerRoles },
    args: { input: t.arg({ type: AddInput, required: true }) },
    resolve: (_query, _root, { input }, ctx) => {
      const name = check(rules.text(50), input.name, 'name');
      return lockedWrite(ctx, 'Community', input.communityId, async (tx, communityId) => {
        if (input.convener && (await tx.consultationMember.count({ where: { communityId, convener: true } }))) {
          throw conflict(`The consultation committee of ${communityId} already has a convener`);
        }
        const today = new Date(new Date().toISOString().slice(0, 10));
        return tx.consultationMember.create({
          data: { id: `consultant-${randomUUID()}`, communityId, name, constituency: input.constituency, convener: input.convener ?? false, joinedOn: today },
        });
      });
    },
  }),
);
