import { randomUUID } from 'node:crypto';
import { badInput, check, conflict, notFound, rules } from '@shequ/kit';
import { assertMayManageCommunity } from '../access.js';
import { builder, type Context } from '../builder.js';
import type { VolunteerHours } from '../generated/prisma/client.js';
import { activityById, volunteerById } from '../loaders.js';
import { serviceMinutes } from '../validate.js';

export const VolunteerHoursLog = builder.prismaObject('VolunteerHours', {
  name: 'VolunteerHoursLog',
  description: 'Service hours credited to a volunteer for an activity',
  fields: (t) => ({
    id: t.exposeID('id'),
    idempotencyKey: t.exposeString('idempotencyKey'),
    hours: t.float({ resolve: (h) => h.minutes / 60 }),
    loggedAt: t.expose('loggedAt', { type: 'DateTime' }),
    volunteer: t.prismaField({ type: 'Volunteer', resolve: async (_query, h, _args, ctx) => (await volunteerById(ctx).load(h.volunteerId))! }),
    activity: t.prismaField({ type: 'Activity', resolve: async (_query, h, _args, ctx) => (await activityById(ctx).load(h.activityId))! }),
  }),
});

interface Logged {
  log: VolunteerHours;
  duplicate: boolean;
}

const LogHoursPayload = builder.objectRef<Logged>('LogVolunteerHoursPayload').implement({
  fields: (t) => ({
    log: t.prismaField({ type: 'VolunteerHours', resolve: (_query, p) => p.log }),
    duplicate: t.exposeBoolean('duplicate', { description: 'True when this idempotency key had already been logged: nothing was added' }),
  }),
});

/** An earlier log under the same key counts once, if it says the same; otherwise the key is misused. */
async function replay(ctx: Context, key: string, wanted: Pick<VolunteerHours, 'volunteerId' | 'activityId' | 'minutes'>): Promise<Logged | null> {
  const log = await ctx.prisma.volunteerHours.findUnique({ where: { idempotencyKey: key } });
  if (!log) return null;
  if (log.volunteerId !== wanted.volunteerId || log.activityId !== wanted.activityId || log.minutes !== wanted.minutes) {
    throw conflict(`idempotencyKey ${key} was already used for a different log`, { idempotencyKey: key });
  }
  return { log, duplicate: true };
}

const LogHoursInput = builder.inputType('LogVolunteerHoursInput', {
  fields: (t) => ({
    volunteerId: t.id({ required: true }),
    activityId: t.id({ required: true }),
    hours: t.float({ required: true, description: 'More than 0, at most 24; counted in whole minutes' }),
    idempotencyKey: t.string({ required: true, description: 'Client-generated (a UUID): sending the same log again counts it once' }),
  }),
});

builder.mutationFields((t) => ({
  logVolunteerHours: t.field({
    type: LogHoursPayload,
    description: 'Credits a volunteer with service hours for a volunteer activity (which makes them a participant)',
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: LogHoursInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const key = check(rules.idempotencyKey, input.idempotencyKey, 'idempotencyKey');
      const minutes = serviceMinutes(input.hours);
      const activity = await activityById(ctx).load(input.activityId);
      if (!activity) throw notFound('Activity', input.activityId);
      await assertMayManageCommunity(ctx, activity.communityId);
      if (!(await volunteerById(ctx).load(input.volunteerId))) throw notFound('Volunteer', input.volunteerId);
      if (activity.kind !== 'VOLUNTEER_SERVICE') throw badInput('hours are logged for volunteer service activities only', { field: 'activityId' });
      if (activity.startsAt.getTime() > Date.now()) throw badInput('the activity has not started yet', { field: 'activityId' });
      const wanted = { volunteerId: input.volunteerId, activityId: activity.id, minutes };
      const earlier = await replay(ctx, key, wanted);
      if (earlier) return earlier;
      // ON CONFLICT DO NOTHING on the unique key: of concurrent duplicates exactly one inserts.
      const { count } = await ctx.prisma.volunteerHours.createMany({
        data: [{ id: randomUUID(), idempotencyKey: key, ...wanted, loggedBy: ctx.caller.subject }],
        skipDuplicates: true,
      });
      const result = await replay(ctx, key, wanted);
      if (!result) throw new Error(`hours log ${key} vanished after insert`);
      return { log: result.log, duplicate: count === 0 };
    },
  }),
}));
