import { forbidden } from '@shequ/kit';
import type { Prisma } from '../generated/prisma/client.js';
import { canSeeRequest } from '../access.js';
import { builder } from '../builder.js';
import { open311Status } from '../request-status.js';
import { Community } from './community.js';
import { ServiceRating, ServiceRequestStatus } from './enums.js';
import { Resident } from './resident.js';

const ratingLevels = { VERY_SATISFIED: 5, SATISFIED: 4, BASICALLY_SATISFIED: 3, DISSATISFIED: 2, VERY_DISSATISFIED: 1 } as const;

export const ServiceRequestEvent = builder.prismaObject('ServiceRequestEvent', {
  description: "One step of a request's timeline",
  fields: (t) => ({
    status: t.expose('status', { type: ServiceRequestStatus }),
    note: t.exposeString('note', { nullable: true }),
    actorRole: t.exposeString('actorRole', { description: 'RESIDENT, COMMITTEE_STAFF, PARTNER (the provider) or DISTRICT_ADMIN' }),
    at: t.expose('at', { type: 'DateTime' }),
  }),
});

// Reached only through queries that check the caller may see the request (canSeeRequest).
export const ServiceRequest = builder.prismaObject('ServiceRequest', {
  description: "A resident's service request (Open311 GeoReport v2 shape, with finer internal states). Personal: see `open311` for the public view",
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Open311 service_request_id' }),
    residentId: t.exposeID('residentId'),
    resident: t.field({
      type: Resident,
      nullable: true,
      description: 'The resident served (owned by `committees`, which applies its own visibility rules)',
      resolve: (r) => ({ id: r.residentId }),
    }),
    community: t.field({ type: Community, nullable: true, resolve: (r) => ({ id: r.communityId }) }),
    filedByRole: t.exposeString('filedByRole', { description: "RESIDENT, or COMMITTEE_STAFF filing on the resident's behalf" }),
    item: t.relation('item'),
    description: t.exposeString('description'),
    address: t.exposeString('address'),
    latitude: t.exposeFloat('latitude', { nullable: true }),
    longitude: t.exposeFloat('longitude', { nullable: true }),
    status: t.expose('status', { type: ServiceRequestStatus }),
    open311Status: t.string({ description: '"open" or "closed", as GeoReport v2 reports it', resolve: (r) => open311Status(r.status) }),
    statusNotes: t.exposeString('statusNotes', { nullable: true, description: 'Public explanation of the current status' }),
    servicePoint: t.relation('servicePoint', { nullable: true }),
    provider: t.relation('provider', { nullable: true, description: 'The provider responsible (Open311 agency_responsible)' }),
    requestedAt: t.expose('requestedAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    expectedAt: t.expose('expectedAt', { type: 'DateTime', nullable: true }),
    completedAt: t.expose('completedAt', { type: 'DateTime', nullable: true }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true }),
    rating: t.expose('rating', { type: ServiceRating, nullable: true }),
    ratingLevel: t.int({
      nullable: true,
      description: "The rating as evaluations' level: 5 very satisfied … 1 very dissatisfied",
      resolve: (r) => (r.rating ? ratingLevels[r.rating] : null),
    }),
    ratingComment: t.exposeString('ratingComment', { nullable: true }),
    ratedAt: t.expose('ratedAt', { type: 'DateTime', nullable: true }),
    events: t.relation('events', { query: { orderBy: [{ at: 'asc' }, { id: 'asc' }] } }),
  }),
});

builder.queryFields((t) => ({
  serviceRequest: t.prismaField({
    type: 'ServiceRequest',
    nullable: true,
    description: "One request: for the resident, the community's staff and the provider serving it",
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const request = await ctx.prisma.serviceRequest.findUnique({ ...query, where: { id: args.id } });
      if (request && !canSeeRequest(ctx.caller, request)) throw forbidden("Only the resident, the community's staff and the provider serving it see a request");
      return request;
    },
  }),
  myServiceRequests: t.prismaField({
    type: ['ServiceRequest'],
    description: "The calling resident's requests, newest first",
    authScopes: { role: 'RESIDENT' },
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.serviceRequest.findMany({ ...query, where: { residentId: ctx.caller.personId ?? '' }, orderBy: [{ requestedAt: 'desc' }, { id: 'asc' }] }),
  }),
  serviceRequests: t.prismaConnection({
    type: 'ServiceRequest',
    cursor: 'id',
    defaultSize: 50,
    maxSize: 500,
    description: "Requests, newest first: committee staff see their community's, a provider its own, district administrators all",
    authScopes: { role: ['COMMITTEE_STAFF', 'PARTNER', 'DISTRICT_ADMIN'] },
    args: {
      communityId: t.arg.id(),
      providerId: t.arg.id(),
      servicePointId: t.arg.id(),
      status: t.arg({ type: ServiceRequestStatus }),
    },
    resolve: (query, _root, args, ctx) => {
      const where: Prisma.ServiceRequestWhereInput = {};
      if (args.communityId) where.communityId = args.communityId;
      if (args.providerId) where.providerId = args.providerId;
      if (args.servicePointId) where.servicePointId = args.servicePointId;
      if (args.status) where.status = args.status;
      const { caller } = ctx;
      if (caller.role === 'COMMITTEE_STAFF') {
        if (args.communityId && args.communityId !== caller.communityId) throw forbidden("Staff see only their own community's requests");
        where.communityId = caller.communityId ?? '';
      }
      if (caller.role === 'PARTNER') {
        if (args.providerId && args.providerId !== caller.partnerId) throw forbidden('A provider sees only its own requests');
        where.providerId = caller.partnerId ?? '';
      }
      return ctx.prisma.serviceRequest.findMany({ ...query, where, orderBy: [{ requestedAt: 'desc' }, { id: 'asc' }] });
    },
  }),
}));
