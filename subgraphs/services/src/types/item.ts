import { badInput } from '@shequ/kit';
import { priceLabel } from '../catalogue-rules.js';
import { builder } from '../builder.js';
import { inServiceWhere, itemById } from '../loaders.js';
import { Department } from './department.js';
import { ChargingMode, ServiceTier, WelfareGroup } from './enums.js';

export const ServiceItem = builder.prismaObject('ServiceItem', {
  description: 'A service item of the catalogue; `code` is its Open311 service_code',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code', { description: 'Open311 service_code' }),
    name: t.exposeString('name', { description: 'Chinese name' }),
    nameEn: t.exposeString('nameEn', { description: 'English name' }),
    description: t.exposeString('description'),
    tier: t.expose('tier', { type: ServiceTier }),
    welfareGroup: t.expose('welfareGroup', {
      type: WelfareGroup,
      nullable: true,
      description: 'For WELFARE items: only residents flagged in this group (in committees) may request it',
    }),
    chargingMode: t.expose('chargingMode', { type: ChargingMode }),
    priceFen: t.expose('priceFen', { type: 'Fen', description: 'Price in fen (分) per priceUnit; 0 when FREE' }),
    priceUnit: t.exposeString('priceUnit', { description: 'What the price is for, e.g. "per visit"' }),
    priceLabel: t.string({ description: 'The price as residents read it, e.g. "low-cost ¥10 per visit"', resolve: priceLabel }),
    keywords: t.exposeStringList('keywords'),
    active: t.exposeBoolean('active'),
    series: t.relation('series'),
    department: t.field({
      type: Department,
      nullable: true,
      description: 'The functional department that oversees this item (owned by `departments`)',
      resolve: (i) => (i.departmentId ? { id: i.departmentId } : null),
    }),
    servicePoints: t.relation('servicePoints', {
      description: 'Service points delivering this item whose contract covers today',
      query: () => ({ where: inServiceWhere(), orderBy: { code: 'asc' } }),
    }),
  }),
});

builder.asEntity(ServiceItem, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => itemById(ctx).load(ref.id),
});

builder.queryFields((t) => ({
  serviceItems: t.prismaField({
    type: ['ServiceItem'],
    description: 'Catalogue items, optionally filtered',
    args: {
      tier: t.arg({ type: ServiceTier }),
      seriesId: t.arg.id(),
      welfareGroup: t.arg({ type: WelfareGroup }),
      chargingMode: t.arg({ type: ChargingMode }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.serviceItem.findMany({
        ...query,
        where: {
          active: true,
          ...(args.tier ? { tier: args.tier } : {}),
          ...(args.seriesId ? { seriesId: args.seriesId } : {}),
          ...(args.welfareGroup ? { welfareGroup: args.welfareGroup } : {}),
          ...(args.chargingMode ? { chargingMode: args.chargingMode } : {}),
        },
        orderBy: { code: 'asc' },
      }),
  }),
  serviceItem: t.prismaField({
    type: 'ServiceItem',
    nullable: true,
    description: 'One item by id or by code (Open311 service_code)',
    args: { id: t.arg.id(), code: t.arg.string() },
    resolve: (query, _root, args, ctx) => {
      if (!args.id === !args.code) throw badInput('give either id or code', { field: 'id' });
      return ctx.prisma.serviceItem.findFirst({ ...query, where: args.id ? { id: args.id } : { code: args.code! } });
    },
  }),
}));
