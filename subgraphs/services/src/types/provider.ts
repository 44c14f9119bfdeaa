import { badInput, check, conflict, isUniqueViolation, rules } from '@shequ/kit';
import { builder } from '../builder.js';
import { newId } from '../ids.js';
import { inServiceWhere, providerById } from '../loaders.js';
import { ServiceProviderKind } from './enums.js';

export const ServiceProvider = builder.prismaObject('ServiceProvider', {
  description: 'An organisation that runs community services under contract ("not owning but using")',
  fields: (t) => ({
    id: t.exposeID('id', { description: "Also the partnerId in the tokens of the provider's staff" }),
    name: t.exposeString('name', { description: 'Chinese name' }),
    nameEn: t.exposeString('nameEn', { description: 'English name' }),
    kind: t.expose('kind', { type: ServiceProviderKind }),
    creditCode: t.exposeString('creditCode', { description: 'Unified social credit code (统一社会信用代码)' }),
    servicePoints: t.relation('servicePoints', {
      description: 'Service points it runs whose contract covers today',
      query: () => ({ where: inServiceWhere(), orderBy: { code: 'asc' } }),
    }),
  }),
});

builder.asEntity(ServiceProvider, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => providerById(ctx).load(ref.id),
});

builder.queryFields((t) => ({
  serviceProviders: t.prismaField({
    type: ['ServiceProvider'],
    resolve: (query, _root, _args, ctx) => ctx.prisma.serviceProvider.findMany({ ...query, orderBy: { id: 'asc' } }),
  }),
  serviceProvider: t.prismaField({
    type: 'ServiceProvider',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => ctx.prisma.serviceProvider.findUnique({ ...query, where: { id: args.id } }),
  }),
}));

const ServiceProviderInput = builder.inputType('ServiceProviderInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    nameEn: t.string({ required: true }),
    kind: t.field({ type: ServiceProviderKind, required: true }),
    creditCode: t.string({ required: true, description: '18 characters: digits and capital letters' }),
  }),
});

builder.mutationFields((t) => ({
  registerServiceProvider: t.prismaField({
    type: 'ServiceProvider',
    description: 'Registers a provider so that it may bid in tenders (district administrators)',
    authScopes: { role: 'DISTRICT_ADMIN' },
    args: { input: t.arg({ type: ServiceProviderInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const creditCode = input.creditCode.trim().toUpperCase();
      if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(creditCode))
        throw badInput('creditCode must be 18 digits or capital letters (no I, O, S, V, Z)', { field: 'creditCode' });
      try {
        return await ctx.prisma.serviceProvider.create({
          ...query,
          data: {
            id: newId('provider'),
            name: check(rules.text(100), input.name, 'name'),
            nameEn: check(rules.text(150), input.nameEn, 'nameEn'),
            kind: input.kind,
            creditCode,
          },
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict(`A provider with credit code ${creditCode} is already registered`);
        throw err;
      }
    },
  }),
}));
