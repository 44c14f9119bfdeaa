import { badInput, isService } from '@shequ/kit';
import type { Resident as ResidentRow } from '../generated/prisma/client.js';
import type { Prisma } from '../generated/prisma/client.js';
import { managerRoles, managesCommunity, personal, requireManager, seesPersonalData } from '../access.js';
import { builder, type Context } from '../builder.js';
import { personalDataCipher } from '../residents/cipher.js';
import { elderlyBornBy, vulnerableGroupsOf } from '../residents/groups.js';
import { parseIdCard } from '../residents/id-card.js';
import { Community, loadCommunity } from './community.js';
import { GenderEnum, VulnerableGroupEnum } from './enums.js';

export const residentLoader = (ctx: Context) =>
  ctx.loaders.byKey(
    'residentById',
    (r: ResidentRow) => r.id,
    (ids: readonly string[]) => ctx.prisma.resident.findMany({ where: { id: { in: [...ids] } } }),
  );

const hidden = "Personal: null unless the caller is the own community's committee staff, a district administrator or the resident";

export const Resident = builder.prismaObject('Resident', {
  description:
    'A resident of a community. Personal fields are null for callers who may not see them (no error, nothing leaks); the ID-card number is only ever shown masked',
  fields: (t) => ({
    id: t.exposeID('id'),
    communityId: t.exposeID('communityId'),
    community: t.field({ type: Community, resolve: (r, _args, ctx) => loadCommunity(ctx, r.communityId) }),
    name: t.string({ nullable: true, description: hidden, resolve: (r, _args, ctx) => personal(ctx.caller, r, 'RESIDENT', r.name) }),
    gender: t.field({ type: GenderEnum, nullable: true, description: hidden, resolve: (r, _args, ctx) => personal(ctx.caller, r, 'RESIDENT', r.gender) }),
    birthDate: t.field({ type: 'Date', nullable: true, description: hidden, resolve: (r, _args, ctx) => personal(ctx.caller, r, 'RESIDENT', r.birthDate) }),
    idCardNumber: t.string({
      nullable: true,
      description: `${hidden}. Always masked, e.g. 420103********1234`,
      resolve: (r, _args, ctx) => personal(ctx.caller, r, 'RESIDENT', r.idCardMasked),
    }),
    phone: t.string({ nullable: true, description: hidden, resolve: (r, _args, ctx) => personal(ctx.caller, r, 'RESIDENT', r.phone) }),
    address: t.string({ nullable: true, description: hidden, resolve: (r, _args, ctx) => personal(ctx.caller, r, 'RESIDENT', r.address) }),
    vulnerableGroups: t.field({
      type: [VulnerableGroupEnum],
      nullable: { list: true, items: false },
      description:
        'Eligibility for welfare services (ELDERLY follows from the birth date). Also readable by the services subgraph (its eligibility checks); null for others who may not see personal data',
      resolve: (r, _args, ctx) => (isService(ctx.caller, 'services') || seesPersonalData(ctx.caller, r, 'RESIDENT') ? vulnerableGroupsOf(r) : null),
    }),
  }),
});

builder.asEntity(Resident, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => residentLoader(ctx).load(ref.id),
});

builder.queryFields((t) => ({
  resident: t.field({
    type: Resident,
    nullable: true,
    description:
      'A resident, for those who may see their personal data and for SERVICE callers (eligibility checks); null for everyone else, as for an id that does not exist',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const found = await residentLoader(ctx).load(args.id);
      // Otherwise anyone could test ids and learn who is registered where.
      return found && (ctx.caller.role === 'SERVICE' || seesPersonalData(ctx.caller, found, 'RESIDENT')) ? found : null;
    },
  }),
  residents: t.prismaConnection({
    type: 'Resident',
    cursor: 'id',
    defaultSize: 50,
    maxSize: 500,
    description: 'The residents of a community: for its committee staff and district administrators only (FORBIDDEN otherwise)',
    authScopes: { role: managerRoles },
    args: {
      communityId: t.arg.id({ required: true }),
      vulnerableGroup: t.arg({ type: VulnerableGroupEnum, description: 'Only residents in this group' }),
    },
    resolve: (query, _root, args, ctx) => {
      requireManager(ctx.caller, args.communityId);
      const where: Prisma.ResidentWhereInput = { communityId: args.communityId };
      if (args.vulnerableGroup === 'ELDERLY') where.birthDate = { lte: elderlyBornBy() };
      else if (args.vulnerableGroup) where.vulnerableGroups = { has: args.vulnerableGroup };
      return ctx.prisma.resident.findMany({ ...query, where, orderBy: { id: 'asc' } });
    },
  }),
  residentByIdCard: t.field({
    type: Resident,
    nullable: true,
    description: "Finds a resident of the caller's community by ID-card number (through its keyed hash; the number is never stored in clear)",
    authScopes: { role: managerRoles },
    args: { idCardNumber: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const parsed = parseIdCard(args.idCardNumber);
      if (!parsed) throw badInput('idCardNumber is not a valid 18-character resident ID-card number', { field: 'idCardNumber' });
      const idCardHash = personalDataCipher(ctx).lookupHash(parsed.number);
      // Another community's resident is as invisible as one that does not exist. A district
      // administrator sees every community's register: the most recent registration.
      const scope = ctx.caller.role === 'DISTRICT_ADMIN' ? {} : { communityId: ctx.caller.communityId ?? '' };
      const found = await ctx.prisma.resident.findFirst({ where: { idCardHash, ...scope }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] });
      return found && managesCommunity(ctx.caller, found.communityId) ? found : null;
    },
  }),
}));
