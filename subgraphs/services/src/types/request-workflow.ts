import { badInput, check, conflict, forbidden, notFound, rules, wakeOutbox } from '@shequ/kit';
import type { Prisma } from '../generated/prisma/client.js';
import type { ServiceRequestStatus as Status } from '../generated/prisma/enums.js';
import { isProvider, isRequestStaff } from '../access.js';
import { builder, type Context } from '../builder.js';
import { newId } from '../ids.js';
import { inServiceWhere } from '../loaders.js';
import { badRatingFor, badRatingKind, isBadRating } from '../outbox/bad-rating.js';
import { moversFor, ratableStatuses, type Mover } from '../request-status.js';
import { ServiceRating, ServiceRequestStatus } from './enums.js';

async function findRequest(ctx: Context, id: string) {
  const request = await ctx.prisma.serviceRequest.findUnique({ where: { id } });
  if (!request) throw notFound('Service request', id);
  return request;
}

/**
 * Moves a request from the status it was read in; when someone else moved it meanwhile the
 * guarded update touches nothing and the caller gets CONFLICT instead of a lost update.
 */
async function move(ctx: Context, id: string, from: Status, data: Prisma.ServiceRequestUncheckedUpdateManyInput & { status: Status }, note: string | null) {
  await ctx.prisma.$transaction(async (tx) => {
    const { count } = await tx.serviceRequest.updateMany({ where: { id, status: from }, data });
    if (count === 0) throw conflict('The request was changed by someone else meanwhile; reload it and try again');
    await tx.serviceRequestEvent.create({ data: { id: newId('sre'), requestId: id, status: data.status, note, actorRole: ctx.caller.role } });
  });
}

const UpdateServiceRequestInput = builder.inputType('UpdateServiceRequestInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    status: t.field({ type: ServiceRequestStatus, required: true }),
    statusNotes: t.string({ description: 'Public (shown in the Open311 view): no personal data. Required when rejecting' }),
    expectedAt: t.field({ type: 'DateTime', description: 'When the service is expected to be delivered (ACCEPTED or IN_PROGRESS)' }),
  }),
});

builder.mutationFields((t) => ({
  assignServiceRequest: t.prismaField({
    type: 'ServiceRequest',
    description: 'Dispatches a SUBMITTED request to an in-service point for its item, of the community or a street (committee staff, district administrators)',
    authScopes: { role: ['COMMITTEE_STAFF', 'DISTRICT_ADMIN'] },
    args: { id: t.arg.id({ required: true }), servicePointId: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const request = await findRequest(ctx, args.id);
      if (!isRequestStaff(ctx.caller, request)) throw forbidden("Only the community's staff dispatch its requests");
      if (request.status !== 'SUBMITTED') throw conflict(`Only a SUBMITTED request is dispatched; this one is ${request.status}`);
      const point = await ctx.prisma.servicePoint.findFirst({ where: { id: args.servicePointId, ...inServiceWhere() } });
      if (!point) throw notFound('In-service service point', args.servicePointId);
      if (point.itemId !== request.itemId) throw badInput("That service point does not deliver this request's service", { field: 'servicePointId' });
      if (point.communityId && point.communityId !== request.communityId)
        throw badInput('That service point serves another community', { field: 'servicePointId' });
      const data = { status: 'SUBMITTED' as const, servicePointId: point.id, providerId: point.providerId, statusNotes: `已派单：${point.name}` };
      await move(ctx, request.id, 'SUBMITTED', data, `assigned to ${point.code}`);
      return ctx.prisma.serviceRequest.findUniqueOrThrow({ ...query, where: { id: request.id } });
    },
  }),
  updateServiceRequest: t.prismaField({
    type: 'ServiceRequest',
    description:
      "Moves a request on: the provider serving it accepts, starts, completes or rejects it; the community's staff may too, and close a completed one",
    authScopes: { role: ['PARTNER', 'COMMITTEE_STAFF', 'DISTRICT_ADMIN'] },
    args: { input: t.arg({ type: UpdateServiceRequestInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const request = await findRequest(ctx, input.id);
      const mover: Mover | null = isProvider(ctx.caller, request.providerId) ? 'PROVIDER' : isRequestStaff(ctx.caller, request) ? 'STAFF' : null;
      if (!mover) throw forbidden("Only the provider serving the request or the community's staff update it");
      const movers = moversFor(request.status, input.status);
      if (movers.length === 0) throw conflict(`A ${request.status} request cannot become ${input.status}`, { status: request.status });
      if (!movers.includes(mover)) throw forbidden(`Only the community's staff move a request to ${input.status}`);
      if (input.status === 'ACCEPTED' && !request.providerId) throw conflict('Dispatch the request to a service point before accepting it');
      const statusNotes = check(rules.optionalText(500), input.statusNotes, 'statusNotes');
      if (input.status === 'REJECTED' && !statusNotes) throw badInput('statusNotes must say why the request is rejected', { field: 'statusNotes' });
      if (input.expectedAt && !['ACCEPTED', 'IN_PROGRESS'].includes(input.status))
        throw badInput('expectedAt goes with ACCEPTED or IN_PROGRESS', { field: 'expectedAt' });
      const now = new Date();
      await move(
        ctx,
        request.id,
        request.status,
        {
          status: input.status,
          ...(statusNotes ? { statusNotes } : {}),
          ...(input.expectedAt ? { expectedAt: check(rules.future, input.expectedAt, 'expectedAt') } : {}),
          ...(input.status === 'COMPLETED' ? { completedAt: now } : {}),
          ...(input.status === 'CLOSED' || input.status === 'REJECTED' ? { closedAt: now } : {}),
        },
        statusNotes,
      );
      return ctx.prisma.serviceRequest.findUniqueOrThrow({ ...query, where: { id: request.id } });
    },
  }),
  rateServiceRequest: t.prismaField({
    type: 'ServiceRequest',
    description:
      'The resident rates the finished service once (好差评); rating a COMPLETED request closes it. ' +
      'DISSATISFIED or VERY_DISSATISFIED opens a rectification case in evaluations (delivered through an outbox, opened once)',
    authScopes: { role: 'RESIDENT' },
    args: { id: t.arg.id({ required: true }), rating: t.arg({ type: ServiceRating, required: true }), comment: t.arg.string() },
    resolve: async (query, _root, args, ctx) => {
      const request = await findRequest(ctx, args.id);
      if (request.residentId !== ctx.caller.personId) throw forbidden('Only the resident served rates the service');
      if (request.rating) throw conflict('This service has already been rated');
      if (!ratableStatuses.includes(request.status))
        throw conflict(`Only a finished service is rated; this request is ${request.status}`, { status: request.status });
      const now = new Date();
      const closing = request.status === 'COMPLETED' ? { status: 'CLOSED' as const, closedAt: now } : { status: request.status };
      await ctx.prisma.$transaction(async (tx) => {
        // rating: null in the guard makes a second, concurrent rating update nothing.
        const data = { ...closing, rating: args.rating, ratingComment: check(rules.optionalText(500), args.comment, 'comment'), ratedAt: now };
        const { count } = await tx.serviceRequest.updateMany({ where: { id: request.id, status: request.status, rating: null }, data });
        if (count === 0) throw conflict('This service has already been rated');
        await tx.serviceRequestEvent.create({
          data: { id: newId('sre'), requestId: request.id, status: 'CLOSED', note: `rated ${args.rating}`, actorRole: 'RESIDENT' },
        });
        if (isBadRating(args.rating)) {
          const item = await tx.serviceItem.findUniqueOrThrow({
            where: { id: request.itemId },
            select: { departmentId: true, series: { select: { departmentId: true } } },
          });
          const event = badRatingFor({ ...request, rating: args.rating, ratingComment: data.ratingComment, ratedAt: now }, item, item.series);
          await tx.outboxEvent.create({ data: { id: event.eventId, kind: badRatingKind, payload: { ...event } } });
        }
      });
      if (isBadRating(args.rating)) wakeOutbox(ctx.prisma);
      return ctx.prisma.serviceRequest.findUniqueOrThrow({ ...query, where: { id: request.id } });
    },
  }),
}));
