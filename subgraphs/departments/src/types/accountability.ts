// What departments knows of a unit's accountability: its commitments and delegated work, on
// Department, Street and Staff. `recordedEvents` is the raw material evaluations merges into
// `accountabilityTimeline`; it is @inaccessible, clients ask for the timeline.
import { defineAccountabilityEvent, inTimeOrder } from '@shequ/kit';
import { builder, type Context } from '../builder.js';
import { commitmentEvents, taskEvents } from '../accountability/events.js';
import { Commitment, commitmentsByOwner } from './commitment.js';
import { Community } from './community.js';
import { DelegatedTask, tasksBy } from './delegated-task.js';
import { Department } from './department.js';
import { assignmentsByStaff, Staff } from './staff.js';
import { Street } from './street.js';

const AccountabilityEvent = defineAccountabilityEvent(builder, Community);

async function unitEvents(ctx: Context, unitId: string) {
  const [commitments, tasks] = await Promise.all([commitmentsByOwner(ctx).load(unitId), tasksBy(ctx, 'proposerId').load(unitId)]);
  return inTimeOrder([...commitments.flatMap(commitmentEvents), ...tasks.flatMap(taskEvents)]);
}

const recordedEvents = {
  type: [AccountabilityEvent] as [typeof AccountabilityEvent],
  inaccessible: true,
  description: "This unit's commitments and delegated work as dated events (read by evaluations' accountabilityTimeline)",
};

builder.prismaObjectField(Department, 'recordedEvents', (t) => t.field({ ...recordedEvents, resolve: (d, _a, ctx) => unitEvents(ctx, d.id) }));
builder.prismaObjectField(Street, 'recordedEvents', (t) => t.field({ ...recordedEvents, resolve: (s, _a, ctx) => unitEvents(ctx, s.id) }));

/** A staff member answers for the work their unit delegated to the communities they are assigned to. */
async function staffTasks(ctx: Context, staff: { id: string; streetId: string | null; departmentId: string | null }) {
  const unitId = staff.departmentId ?? staff.streetId;
  if (!unitId) return [];
  const [assignments, tasks] = await Promise.all([assignmentsByStaff(ctx).load(staff.id), tasksBy(ctx, 'proposerId').load(unitId)]);
  const communities = new Set(assignments.map((a) => a.communityId));
  return tasks.filter((t) => communities.has(t.communityId));
}

const staffCommitments = (ctx: Context, staff: { streetId: string | null; departmentId: string | null }) => {
  const unitId = staff.departmentId ?? staff.streetId;
  return unitId ? commitmentsByOwner(ctx).load(unitId) : Promise.resolve([]);
};

builder.prismaObjectFields(Staff, (t) => ({
  delegatedTasks: t.field({
    type: [DelegatedTask],
    description: "Work the staff member's unit delegated to the communities they are assigned to, newest first",
    resolve: (s, _a, ctx) => staffTasks(ctx, s),
  }),
  commitments: t.field({ type: [Commitment], description: "The public commitments of the staff member's unit", resolve: (s, _a, ctx) => staffCommitments(ctx, s) }),
  recordedEvents: t.field({
    ...recordedEvents,
    resolve: async (s, _a, ctx) => {
      const [tasks, commitments] = await Promise.all([staffTasks(ctx, s), staffCommitments(ctx, s)]);
      return inTimeOrder([...commitments.flatMap(commitmentEvents), ...tasks.flatMap(taskEvents)]);
    },
  }),
}));
