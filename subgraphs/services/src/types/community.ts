import { badInput, forbidden, unauthenticated } from '@shequ/kit';
import type { ServiceRequest } from '../generated/prisma/client.js';
import { isRequestStaff } from '../access.js';
import { builder } from '../builder.js';
import { pointsIn } from '../loaders.js';
import { ServiceRequestStatus } from './enums.js';
import { requestStats, ServiceRequestStats } from './request-stats.js';

/** Community is owned by `committees`; this subgraph adds its service points and requests. */
export const Community = builder.externalRef('Community', builder.selection<{ id: string }>('id')).implement({
  externalFields: (t) => ({ id: t.id() }),
  fields: (t) => ({
    servicePoints: t.prismaField({
      type: ['ServicePoint'],
      // Nullable: when this subgraph is down, communities still arrive.
      nullable: { list: true, items: false },
      description: 'Service points run for this community whose contract covers today',
      resolve: (_query, community, _args, ctx) => pointsIn(ctx, 'communityId', community.id),
    }),
    serviceRequests: t.prismaField({
      type: ['ServiceRequest'],
      nullable: { list: true, items: false },
      description: "Residents' service requests, newest first: only for this community's committee staff and district administrators",
      args: {
        status: t.arg({ type: ServiceRequestStatus }),
        first: t.arg.int({ defaultValue: 50, description: 'At most 200' }),
      },
      resolve: async (_query, community, args, ctx) => {
        // Anonymous callers are told to sign in, as by every other field that needs a role.
        if (ctx.caller.role === 'ANONYMOUS') throw unauthenticated();
        if (!isRequestStaff(ctx.caller, { communityId: community.id })) throw forbidden("Only the community's staff see its service requests");
        const first = args.first ?? 50;
        if (first < 1 || first > 200) throw badInput('first must be 1–200', { field: 'first' });
        const rows = await ctx.loaders
          .groupedBy(
            `requestsByCommunity:${args.status ?? '*'}`,
            (r: ServiceRequest) => r.communityId,
            (ids: readonly string[]) =>
              ctx.prisma.serviceRequest.findMany({
                where: { communityId: { in: [...ids] }, ...(args.status ? { status: args.status } : {}) },
                orderBy: [{ requestedAt: 'desc' }, { id: 'asc' }],
              }),
          )
          .load(community.id);
        return rows.slice(0, first);
      },
    }),
    serviceRequestStats: t.field({
      type: ServiceRequestStats,
      nullable: true,
      description: "Public counts and satisfaction of the community's service requests (no personal data)",
      resolve: (community, _args, ctx) => requestStats(ctx, 'communityId', community.id),
    }),
  }),
});
