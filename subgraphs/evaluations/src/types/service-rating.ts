import { requireService } from '@shequ/kit';
import { builder } from '../builder.js';
import { ratedRequest } from '../domain/facts.js';
import { openServiceRatingCase } from '../domain/service-rating.js';
import { RectificationCase, ServiceRatingEnum } from './rectification.js';

const BadServiceRatingInput = builder.inputType('BadServiceRatingInput', {
  description: 'A services outbox event: a request rated DISSATISFIED or VERY_DISSATISFIED (the comment already anonymised)',
  fields: (t) => ({
    eventId: t.id({ required: true, description: 'The outbox event id; a repeated delivery returns the case it opened' }),
    requestId: t.id({ required: true }),
    communityId: t.id({ required: true }),
    serviceItemId: t.id({ required: true }),
    servicePointId: t.id(),
    providerId: t.id({ description: 'The provider that served the request: it must rectify' }),
    leadDepartmentId: t.id({ description: 'The department overseeing the item; must rectify when no provider served it' }),
    rating: t.field({ type: ServiceRatingEnum, required: true }),
    comment: t.string(),
    ratedAt: t.field({ type: 'DateTime', required: true }),
  }),
});

builder.mutationField('recordBadServiceRating', (t) =>
  t.field({
    type: RectificationCase,
    description:
      'Opens the rectification case of a bad service rating, due 15 working days after the rating day. ' +
      'Only the services subgraph (else FORBIDDEN), and only as services records the rating (asked through the gateway; else BAD_USER_INPUT, SUBGRAPH_UNAVAILABLE when it cannot be asked); ' +
      'idempotent by eventId and by request, also under concurrent duplicates',
    authScopes: { role: 'SERVICE' },
    args: { input: t.arg({ type: BadServiceRatingInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      requireService(ctx.caller, 'services', 'reports bad service ratings');
      const result = await openServiceRatingCase(ctx.prisma, input, (requestId) => ratedRequest(ctx.services, requestId));
      if (result.opened)
        ctx.log.info({ caseId: result.case.id, eventId: input.eventId, rating: input.rating }, 'rectification case opened for a bad service rating');
      else if (result.case.eventId !== input.eventId)
        ctx.log.warn({ caseId: result.case.id, eventId: input.eventId }, 'a second bad-rating event for a request that has its case; the first stands');
      return result.case;
    },
  }),
);
