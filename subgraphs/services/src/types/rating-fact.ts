// What evaluations checks a bad-rating event against before opening a case: the request's
// rating as services records it, without the resident or the comment. The `sub` of a service
// token is only as safe as every holder of JWT_SECRET, so the event alone does not open a case.
import { requireService } from '@shequ/kit';
import { builder } from '../builder.js';
import { ServiceRating } from './enums.js';

interface Fact {
  requestId: string;
  communityId: string;
  serviceItemId: string;
  servicePointId: string | null;
  providerId: string | null;
  leadDepartmentId: string | null;
  rating: typeof ServiceRating.$inferType;
  ratedAt: Date;
}

const RatingFact = builder.objectRef<Fact>('ServiceRatingFact').implement({
  description: 'A rated request as services records it, for evaluations (service:evaluations) only',
  fields: (t) => ({
    requestId: t.exposeID('requestId'),
    communityId: t.exposeID('communityId'),
    serviceItemId: t.exposeID('serviceItemId'),
    servicePointId: t.exposeID('servicePointId', { nullable: true }),
    providerId: t.exposeID('providerId', { nullable: true }),
    leadDepartmentId: t.exposeID('leadDepartmentId', { nullable: true }),
    rating: t.field({ type: ServiceRating, resolve: (f) => f.rating }),
    ratedAt: t.field({ type: 'DateTime', resolve: (f) => f.ratedAt }),
  }),
});

builder.queryField('serviceRatingFact', (t) =>
  t.field({
    type: RatingFact,
    nullable: true,
    description: "A rated request's rating and who served it (null when there is no such rated request); only for the evaluations subgraph, else FORBIDDEN",
    authScopes: { role: 'SERVICE' },
    args: { requestId: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      requireService(ctx.caller, 'evaluations', 'checks a bad rating against its request');
      const r = await ctx.prisma.serviceRequest.findUnique({
        where: { id: args.requestId },
        select: {
          id: true,
          communityId: true,
          itemId: true,
          servicePointId: true,
          providerId: true,
          rating: true,
          ratedAt: true,
          item: { select: { departmentId: true, series: { select: { departmentId: true } } } },
        },
      });
      if (!r?.rating || !r.ratedAt) return null;
      return {
        requestId: r.id,
        communityId: r.communityId,
        serviceItemId: r.itemId,
        servicePointId: r.servicePointId,
        providerId: r.providerId,
        leadDepartmentId: r.item.departmentId ?? r.item.series.departmentId,
        rating: r.rating,
        ratedAt: r.ratedAt,
      };
    },
  }),
);
