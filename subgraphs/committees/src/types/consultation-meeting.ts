import { randomUUID } from 'node:crypto';
import { badInput, check, conflict, notFound, rules } from '@shequ/kit';
import type { AgendaItem as AgendaRow, ConsultationMeeting as MeetingRow } from '../generated/prisma/client.js';
import { managerRoles } from '../access.js';
import { builder, type Context } from '../builder.js';
import { lockedWrite } from '../transactions.js';

const meetingsByCommunity = (ctx: Context) =>
  ctx.loaders.groupedBy(
    'meetingsByCommunity',
    (m: MeetingRow) => m.communityId,
    (ids: readonly string[]) =>
      ctx.prisma.consultationMeeting.findMany({ where: { communityId: { in: [...ids] } }, orderBy: [{ heldOn: 'desc' }, { id: 'asc' }] }),
  );

const agendaByMeeting = (ctx: Context) =>
  ctx.loaders.groupedBy(
    'agendaByMeeting',
    (a: AgendaRow) => a.meetingId,
    (ids: readonly string[]) => ctx.prisma.agendaItem.findMany({ where: { meetingId: { in: [...ids] } }, orderBy: { position: 'asc' } }),
  );

const AgendaItem = builder.prismaObject('AgendaItem', {
  description: "One item of a consultation meeting's agenda and what was decided on it",
  fields: (t) => ({
    id: t.exposeID('id'),
    position: t.exposeInt('position'),
    topic: t.exposeString('topic'),
    decision: t.exposeString('decision', { nullable: true, description: 'Null until decided' }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
  }),
});

export const ConsultationMeeting = builder.prismaObject('ConsultationMeeting', {
  description: 'A meeting of the consultation and deliberation committee',
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    heldOn: t.expose('heldOn', { type: 'Date' }),
    communityId: t.exposeID('communityId'),
    agenda: t.field({ type: [AgendaItem], resolve: (m, _args, ctx) => agendaByMeeting(ctx).load(m.id) }),
  }),
});

builder.prismaObjectFields('Community', (t) => ({
  consultationMeetings: t.field({
    type: [ConsultationMeeting],
    description: 'Meetings of the consultation and deliberation committee, latest first',
    resolve: (c, _args, ctx) => meetingsByCommunity(ctx).load(c.id),
  }),
}));

const ScheduleInput = builder.inputType('ScheduleConsultationMeetingInput', {
  fields: (t) => ({
    communityId: t.id({ required: true }),
    title: t.string({ required: true }),
    heldOn: t.field({ type: 'Date', required: true }),
    agenda: t.stringList({ required: true, description: '1–20 topics, in order' }),
  }),
});

const DecisionInput = builder.inputType('RecordAgendaDecisionInput', {
  fields: (t) => ({ agendaItemId: t.id({ required: true }), decision: t.string({ required: true }) }),
});

builder.mutationFields((t) => ({
  scheduleConsultationMeeting: t.prismaField({
    type: 'ConsultationMeeting',
    authScopes: { role: managerRoles },
    args: { input: t.arg({ type: ScheduleInput, required: true }) },
    resolve: (_query, _root, { input }, ctx) => {
      const title = check(rules.text(), input.title, 'title');
      if (!input.agenda.length || input.agenda.length > 20) throw badInput('agenda needs 1–20 topics', { field: 'agenda' });
      const topics = input.agenda.map((a) => check(rules.text(500), a, 'agenda'));
      return lockedWrite(ctx, 'Community', input.communityId, async (tx, communityId) => {
        const id = `meeting-${randomUUID()}`;
        const meeting = await tx.consultationMeeting.create({ data: { id, communityId, title, heldOn: new Date(input.heldOn) } });
        await tx.agendaItem.createMany({ data: topics.map((topic, i) => ({ id: `${id}-${i + 1}`, meetingId: id, position: i + 1, topic })) });
        return meeting;
      });
    },
  }),
  recordAgendaDecision: t.prismaField({
    type: 'ConsultationMeeting',
    description: 'Records what the meeting decided on an agenda item; once decided it stays (CONFLICT)',
    authScopes: { role: managerRoles },
    args: { input: t.arg({ type: DecisionInput, required: true }) },
    resolve: async (_query, _root, { input }, ctx) => {
      const decision = check(rules.text(2000), input.decision, 'decision');
      const item = await ctx.prisma.agendaItem.findUnique({ where: { id: input.agendaItemId }, include: { meeting: true } });
      if (!item) throw notFound('Agenda item', input.agendaItemId);
      return lockedWrite(ctx, 'Community', item.meeting.communityId, async (tx) => {
        if (item.meeting.heldOn.getTime() > Date.now()) throw conflict('A decision can only be recorded once the meeting has been held');
        const { count } = await tx.agendaItem.updateMany({ where: { id: item.id, decision: null }, data: { decision, decidedAt: new Date() } });
        if (!count) throw conflict('This agenda item has already been decided');
        return item.meeting;
      });
    },
  }),
}));
