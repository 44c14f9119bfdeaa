import { badInput } from '@shequ/kit';
import { builder } from '../builder.js';
import { toOpen311Request, toOpen311Service, welfareService, type Lang, type Open311Request, type Open311Service } from '../open311.js';
import { publicRequestPage } from '../open311-requests.js';

const Open311Lang = builder.enumType('Open311Lang', { values: ['zh', 'en'] as const, description: 'Language of names in the view' });
const Open311Status = builder.enumType('Open311Status', { values: ['open', 'closed'] as const });
const Open311ServiceType = builder.enumType('Open311ServiceType', { values: ['realtime', 'batch', 'blackbox'] as const });

const Open311ServiceRef = builder.objectRef<Open311Service>('Open311Service').implement({
  description: 'GeoReport v2 service (GET services.json)',
  fields: (t) => ({
    service_code: t.exposeString('service_code'),
    service_name: t.exposeString('service_name'),
    description: t.exposeString('description'),
    metadata: t.exposeBoolean('metadata'),
    type: t.expose('type', { type: Open311ServiceType }),
    keywords: t.exposeString('keywords', { description: 'Comma-separated' }),
    group: t.exposeString('group', { description: 'The service series' }),
  }),
});

const Open311RequestRef = builder.objectRef<Open311Request>('Open311Request').implement({
  description: 'GeoReport v2 service request (GET requests.json), without personal data',
  fields: (t) => ({
    service_request_id: t.exposeID('service_request_id'),
    status: t.expose('status', { type: Open311Status }),
    status_notes: t.exposeString('status_notes', {
      nullable: true,
      description: 'Anonymised (names, phones, ID-card and house numbers become ***); null for welfare requests',
    }),
    service_name: t.exposeString('service_name'),
    service_code: t.exposeString('service_code', { description: '`welfare` for every welfare request, whichever welfare service it is' }),
    description: t.exposeString('description', { nullable: true, description: "Always null: residents' own words may be personal" }),
    agency_responsible: t.exposeString('agency_responsible', {
      nullable: true,
      description: 'The provider serving it; null until dispatched, and for welfare requests',
    }),
    service_notice: t.exposeString('service_notice', { description: 'The charge, e.g. "free" or "low-cost ¥10 per visit"' }),
    requested_datetime: t.expose('requested_datetime', {
      type: 'DateTime',
      description: 'For welfare requests (and updated_datetime, expected_datetime) midnight in Wuhan of the day',
    }),
    updated_datetime: t.expose('updated_datetime', { type: 'DateTime' }),
    expected_datetime: t.expose('expected_datetime', { type: 'DateTime', nullable: true }),
    address: t.exposeString('address', { nullable: true, description: 'Always null: the place is a home' }),
    address_id: t.exposeString('address_id', { description: 'The community (社区) id: the finest area published' }),
    zipcode: t.exposeString('zipcode', { nullable: true }),
    lat: t.exposeFloat('lat', { nullable: true, description: 'Rounded to 0.01° (about 1 km); null for welfare services' }),
    long: t.exposeFloat('long', { nullable: true, description: 'Rounded to 0.01° (about 1 km); null for welfare services' }),
    media_url: t.exposeString('media_url', { nullable: true }),
  }),
});

const day = 24 * 3600_000;
const include = { item: true, provider: true } as const;

const Open311 = builder.objectRef<{ lang: Lang }>('Open311').implement({
  description: 'A read-only Open311 GeoReport v2 view of the service catalogue and requests; public',
  fields: (t) => ({
    services: t.field({
      type: [Open311ServiceRef],
      description: 'The catalogue, and the code `welfare` under which every welfare request is published',
      resolve: async ({ lang }, _args, ctx) => [
        ...(await ctx.prisma.serviceItem.findMany({ where: { active: true }, include: { series: true }, orderBy: { code: 'asc' } })).map((i) =>
          toOpen311Service(i, lang),
        ),
        welfareService(lang),
      ],
    }),
    requests: t.field({
      type: [Open311RequestRef],
      description:
        'Newest first. Without service_request_id or start_date: the last 90 days. At most 1000. Welfare requests carry the code `welfare` and their day only, and the date filters see them by day',
      args: {
        service_request_id: t.arg.idList(),
        service_code: t.arg.string(),
        start_date: t.arg({ type: 'DateTime' }),
        end_date: t.arg({ type: 'DateTime' }),
        status: t.arg({ type: Open311Status }),
        limit: t.arg.int({ defaultValue: 1000 }),
      },
      resolve: async ({ lang }, args, ctx) => {
        const limit = args.limit ?? 1000;
        if (limit < 1 || limit > 1000) throw badInput('limit must be 1–1000', { field: 'limit' });
        const from = args.start_date ?? (args.service_request_id ? undefined : new Date(Date.now() - 90 * day));
        const rows = await publicRequestPage(ctx.prisma, {
          ids: args.service_request_id,
          serviceCode: args.service_code,
          status: args.status,
          from,
          to: args.end_date,
          limit,
        });
        return rows.map((r) => toOpen311Request(r, lang));
      },
    }),
    request: t.field({
      type: Open311RequestRef,
      nullable: true,
      args: { service_request_id: t.arg.id({ required: true }) },
      resolve: async ({ lang }, args, ctx) => {
        const row = await ctx.prisma.serviceRequest.findUnique({ where: { id: args.service_request_id }, include });
        return row ? toOpen311Request(row, lang) : null;
      },
    }),
  }),
});

builder.queryFields((t) => ({
  open311: t.field({
    type: Open311,
    description: 'Open311 GeoReport v2, read-only and public: services and requests with their GeoReport field names',
    args: { lang: t.arg({ type: Open311Lang, defaultValue: 'zh' }) },
    resolve: (_root, args) => ({ lang: args.lang ?? 'zh' }),
  }),
}));
