// What departments knows of a unit's accountability: its commitments and delegated work, on
// Department, Street and Staff. `recordedEvents` is the raw material evaluations merges into
// `accountabilityTimeline`; it is @inaccessible, clients ask for the timeline.
import { defineAccountabilityEvent, inTimeOrder } from '@shequ/kit';
import type { Commitment as CommitmentRow, DelegatedTask as TaskRow } from '../generated/prisma/client.js';
import { builder, type Context } from '../builder.js';
import { commitmentEvents, taskEvents } from '../accountability/events.js';
import { assessmentsOf, Commitment, commitmentsByOwner, communitiesOf } from './commitment.js';
import { Community } from './community.js';
import { DelegatedTask, tasksBy } from './delegated-task.js';
import { Department } from './department.js';
import { assignmentsByStaff, Staff } from './staff.js';
import { Street } from './street.js';

const AccountabilityEvent = defineAccountabilityEvent(builder, Community);

async function eventsOf(ctx: Context, commitments: CommitmentRow[], tasks: TaskRow[]) {
  const assessments = await Promise.all(commitments.map((c) => assessmentsOf(ctx).load(c.id)));
  return inTimeOrder([...commitments.flatMap((c, i) => commitmentEvents(c, assessments[i]!)), ...tasks.flatMap(taskEvents)]);
}

async function unitEvents(ctx: Context, unitId: string) {
  const [commitments, tasks] = await Promise.all([commitmentsByOwner(ctx).load(unitId), tasksBy(ctx, 'proposerId').load(unitId)]);
  return eventsOf(ctx, commitments, tasks);
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

/** And for the commitments their unit made to those communities. */
async function staffCommitments(ctx: Context, staff: { id: string; streetId: string | null; departmentId: string | null }) {
  const unitId = staff.departmentId ?? staff.streetId;
  if (!unitId) return [];
  const [assignments, commitments] = await Promise.all([assignmentsByStaff(ctx).load(staff.id), commitmentsByOwner(ctx).load(unitId)]);
  const served = new Set(assignments.map((a) => a.communityId));
  const madeTo = await Promise.all(commitments.map((c) => communitiesOf(ctx).load(c.id)));
  return commitments.filter((_c, i) => madeTo[i]!.some((m) => served.has(m.communityId)));
}

builder.prismaObjectFields(Staff, (t) => ({
  delegatedTasks: t.field({
    type: [DelegatedTask],
    description: "Work the staff member's unit delegated to the communities they are assigned to, newest first",
    resolve: (s, _a, ctx) => staffTasks(ctx, s),
  }),
  commitments: t.field({
    type: [Commitment],
    description: "The public commitments the staff member's unit made to the communities they are assigned to",
    resolve: (s, _a, ctx) => staffCommitments(ctx, s),
  }),
  recordedEvents: t.field({
    ...recordedEvents,
    resolve: async (s, _a, ctx) => {
      const [tasks, commitments] = await Promise.all([staffTasks(ctx, s), staffCommitments(ctx, s)]);
      return eventsOf(ctx, commitments, tasks);
    },
  }),
}));
