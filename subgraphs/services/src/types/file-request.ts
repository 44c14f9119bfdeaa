import { badInput, check, clientError, forbidden, notFound, rules } from '@shequ/kit';
import { builder, type Context } from '../builder.js';
import { newId } from '../ids.js';
import { inServiceWhere } from '../loaders.js';
import { waitingForDispatch } from '../request-status.js';
import { residentFacts } from '../residents.js';
import { coordinates } from '../validate.js';

const FileServiceRequestInput = builder.inputType('FileServiceRequestInput', {
  description: 'Open311 POST requests.json, for one resident',
  fields: (t) => ({
    serviceCode: t.string({ required: true, description: "The item's code (Open311 service_code)" }),
    residentId: t.id({ description: "Required when staff file on a resident's behalf; a resident files for themself" }),
    description: t.string({ required: true }),
    address: t.string({ required: true, description: 'Where the service is wanted' }),
    lat: t.float(),
    long: t.float(),
  }),
});

/** Whom the request is for, and in which community, checked against committees where needed. */
async function servedResident(ctx: Context, residentId: string | null | undefined, welfareGroup: string | null) {
  const { caller } = ctx;
  const communityId = caller.communityId;
  if (!communityId) throw forbidden('Your token does not name your community');
  if (caller.role === 'RESIDENT') {
    if (!caller.personId) throw forbidden('Your token does not name your resident record');
    if (residentId && residentId !== caller.personId) throw forbidden('A resident files requests only for themself');
  } else if (!residentId) {
    throw badInput("residentId is required when filing on a resident's behalf", { field: 'residentId' });
  }
  const id = caller.role === 'RESIDENT' ? caller.personId! : residentId!;
  // The token names a person and a community; committees' register says whether they go together
  // (a resident's token is no proof of where they live), and who is eligible for welfare.
  const facts = await residentFacts(ctx, id);
  if (!facts) throw notFound('Resident', id);
  if (facts.communityId !== communityId) {
    throw forbidden(
      caller.role === 'RESIDENT'
        ? "Your token's community is not the one you are registered in"
        : 'Staff file requests only for residents of their own community',
    );
  }
  if (welfareGroup && !facts.vulnerableGroups.includes(welfareGroup)) {
    throw clientError('FORBIDDEN', `This welfare service is only for residents registered as ${welfareGroup}`, {
      reason: 'NOT_ELIGIBLE',
      requiredGroup: welfareGroup,
    });
  }
  return { residentId: id, communityId };
}

builder.mutationFields((t) => ({
  fileServiceRequest: t.prismaField({
    type: 'ServiceRequest',
    description:
      "Files a request (SUBMITTED): a resident for themself, or committee staff for a resident of their community. WELFARE items only for residents in the item's group (asked of committees; SUBGRAPH_UNAVAILABLE while it is down, nothing saved)",
    authScopes: { role: ['RESIDENT', 'COMMITTEE_STAFF'] },
    args: { input: t.arg({ type: FileServiceRequestInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const description = check(rules.text(2000), input.description, 'description');
      const address = check(rules.text(200), input.address, 'address');
      if ((input.lat == null) !== (input.long == null)) throw badInput('give both lat and long, or neither', { field: 'lat' });
      const location = input.lat != null && input.long != null ? coordinates(input.lat, input.long) : { latitude: null, longitude: null };
      const item = await ctx.prisma.serviceItem.findUnique({ where: { code: input.serviceCode.trim() } });
      if (!item?.active) throw notFound('Service', input.serviceCode);
      // Everything that asks another subgraph happens before the first write.
      const served = await servedResident(ctx, input.residentId, item.tier === 'WELFARE' ? item.welfareGroup : null);
      // The community's own point for the item takes the request; otherwise staff dispatch it.
      const point = await ctx.prisma.servicePoint.findFirst({
        where: { itemId: item.id, communityId: served.communityId, ...inServiceWhere() },
        orderBy: { code: 'asc' },
      });
      const actorRole = ctx.caller.role;
      return ctx.prisma.serviceRequest.create({
        ...query,
        data: {
          id: newId('sr'),
          itemId: item.id,
          ...served,
          filedBy: ctx.caller.subject ?? actorRole,
          filedByRole: actorRole,
          description,
          address,
          ...location,
          servicePointId: point?.id ?? null,
          providerId: point?.providerId ?? null,
          statusNotes: point ? `已派单：${point.name}` : waitingForDispatch,
          events: { create: { id: newId('sre'), status: 'SUBMITTED', note: point ? `assigned to ${point.code}` : null, actorRole } },
        },
      });
    },
  }),
}));
