import { badInput, check, conflict, isUniqueViolation, notFound, rules } from '@shequ/kit';
import { catalogueProblem } from '../catalogue-rules.js';
import { builder } from '../builder.js';
import { newId } from '../ids.js';
import { ChargingMode, ServiceTier, WelfareGroup } from './enums.js';

const ServiceItemInput = builder.inputType('ServiceItemInput', {
  fields: (t) => ({
    seriesId: t.id({ required: true }),
    name: t.string({ required: true }),
    nameEn: t.string({ required: true }),
    description: t.string({ required: true }),
    tier: t.field({ type: ServiceTier, required: true }),
    welfareGroup: t.field({ type: WelfareGroup, description: 'Required exactly for WELFARE items' }),
    chargingMode: t.field({ type: ChargingMode, required: true }),
    priceFen: t.field({ type: 'Fen', required: true, description: '0 for FREE items' }),
    priceUnit: t.string({ required: true }),
    keywords: t.stringList({ defaultValue: [] }),
    departmentId: t.id({ description: "Overseeing department; defaults to the series' department" }),
  }),
});

builder.mutationFields((t) => ({
  createServiceItem: t.prismaField({
    type: 'ServiceItem',
    description: 'Adds an item to a series of the catalogue (district administrators)',
    authScopes: { role: 'DISTRICT_ADMIN' },
    args: { input: t.arg({ type: ServiceItemInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const priced = { tier: input.tier, welfareGroup: input.welfareGroup ?? null, chargingMode: input.chargingMode, priceFen: input.priceFen };
      const problem = catalogueProblem(priced);
      if (problem) throw badInput(problem.message, { field: problem.field });
      const keywords = (input.keywords ?? []).map((k) => check(rules.text(30), k, 'keywords'));
      const series = await ctx.prisma.serviceSeries.findUnique({ where: { id: input.seriesId }, include: { _count: { select: { items: true } } } });
      if (!series) throw notFound('Service series', input.seriesId);
      try {
        return await ctx.prisma.serviceItem.create({
          ...query,
          data: {
            ...priced,
            id: newId('item'),
            // Codes are numbered within the series; two admins adding at once collide on the unique code.
            code: `${series.code}-${String(series._count.items + 1).padStart(2, '0')}`,
            seriesId: series.id,
            name: check(rules.text(60), input.name, 'name'),
            nameEn: check(rules.text(100), input.nameEn, 'nameEn'),
            description: check(rules.text(1000), input.description, 'description'),
            priceUnit: check(rules.text(30), input.priceUnit, 'priceUnit'),
            keywords,
            departmentId: input.departmentId ?? series.departmentId,
          },
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('Another item was added to this series at the same time; try again');
        throw err;
      }
    },
  }),
}));
