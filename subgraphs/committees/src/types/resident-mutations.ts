import { randomUUID } from 'node:crypto';
import { badInput, conflict, isUniqueViolation, notFound, rules } from '@shequ/kit';
import type { VulnerableGroup } from '../generated/prisma/enums.js';
import { managerRoles } from '../access.js';
import { builder } from '../builder.js';
import { personalDataCipher, sealIdCard } from '../residents/cipher.js';
import { parseIdCard } from '../residents/id-card.js';
import { lockedWrite } from '../transactions.js';
import { GenderEnum, VulnerableGroupEnum } from './enums.js';

const RegisterInput = builder.inputType('RegisterResidentInput', {
  fields: (t) => ({
    communityId: t.id({ required: true }),
    name: t.string({ required: true, validate: rules.text(50) }),
    gender: t.field({ type: GenderEnum, required: true }),
    idCardNumber: t.string({ required: true, description: '18 characters; the birth date is taken from it and the gender must match it' }),
    phone: t.string({ description: rules.phoneDescription, validate: rules.optionalPhone }),
    address: t.string({ required: true, validate: rules.text() }),
    vulnerableGroups: t.field({ type: [VulnerableGroupEnum], description: 'Not ELDERLY: that follows from the birth date' }),
  }),
});

const GroupsInput = builder.inputType('SetResidentVulnerableGroupsInput', {
  fields: (t) => ({ residentId: t.id({ required: true }), vulnerableGroups: t.field({ type: [VulnerableGroupEnum], required: true }) }),
});

function recordedGroups(groups: readonly VulnerableGroup[] | null | undefined): VulnerableGroup[] {
  if (groups?.includes('ELDERLY')) throw badInput('ELDERLY follows from the birth date and cannot be set', { field: 'vulnerableGroups' });
  return [...new Set(groups ?? [])];
}

builder.mutationFields((t) => ({
  registerResident: t.prismaField({
    type: 'Resident',
    description:
      "Registers a resident; CONFLICT when the ID-card number is already registered in this community (another community's register is not consulted)",
    authScopes: { role: managerRoles },
    args: { input: t.arg({ type: RegisterInput, required: true }) },
    resolve: async (_query, _root, { input }, ctx) => {
      const idCard = parseIdCard(input.idCardNumber);
      // The message never repeats the number: errors are logged and shown.
      if (!idCard) throw badInput('idCardNumber is not a valid 18-character resident ID-card number', { field: 'idCardNumber' });
      if (idCard.gender !== input.gender) throw badInput('gender does not match the ID-card number', { field: 'gender' });
      const { name, address } = input;
      const phone = input.phone ?? null;
      const vulnerableGroups = recordedGroups(input.vulnerableGroups);
      // Random: an id that counts up would tell how many residents a community registered, and when.
      const id = `resident-${randomUUID()}`;
      try {
        return await lockedWrite(ctx, 'Community', input.communityId, (tx, communityId) =>
          tx.resident.create({
            data: {
              id,
              communityId,
              name,
              gender: input.gender,
              birthDate: new Date(idCard.birthDate),
              ...sealIdCard(personalDataCipher(ctx), idCard.number),
              phone,
              address,
              vulnerableGroups,
            },
          }),
        );
      } catch (err) {
        // Only this community's register can collide (unique per community): the answer says
        // nothing about the rest of the district.
        if (isUniqueViolation(err, 'idCardHash')) throw conflict('A resident with this ID-card number is already registered in this community');
        throw err;
      }
    },
  }),
  setResidentVulnerableGroups: t.prismaField({
    type: 'Resident',
    description: 'Replaces the groups recorded for a resident (ELDERLY is derived, not set)',
    authScopes: { role: managerRoles },
    args: { input: t.arg({ type: GroupsInput, required: true }) },
    resolve: async (_query, _root, { input }, ctx) => {
      const vulnerableGroups = recordedGroups(input.vulnerableGroups);
      const resident = await ctx.prisma.resident.findUnique({ where: { id: input.residentId }, select: { communityId: true } });
      if (!resident) throw notFound('Resident', input.residentId);
      return lockedWrite(ctx, 'Community', resident.communityId, (tx) => tx.resident.update({ where: { id: input.residentId }, data: { vulnerableGroups } }));
    },
  }),
}));
