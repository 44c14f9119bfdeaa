import { builder } from '../builder.js';
import {
  CommitmentOwnerType as CommitmentOwnerTypeValues,
  CommitmentStatus as CommitmentStatusValues,
  CommitmentVerdict as CommitmentVerdictValues,
  DelegatedTaskAction as DelegatedTaskActionValues,
  DelegatedTaskStatus as DelegatedTaskStatusValues,
  RelationshipKind as RelationshipKindValues,
  TaskPart as TaskPartValues,
  UnitType as UnitTypeValues,
} from '../generated/prisma/enums.js';

export const UnitType = builder.enumType(UnitTypeValues, { name: 'UnitType', description: 'A street office or a functional department' });

export const DelegatedTaskStatus = builder.enumType(DelegatedTaskStatusValues, {
  name: 'DelegatedTaskStatus',
  description: 'PROPOSED → NEGOTIATING → ACCEPTED | DECLINED; ACCEPTED → IN_PROGRESS (a first part started) → COMPLETED (both parts completed) → SETTLED',
});

export const TaskPartEnum = builder.enumType(TaskPartValues, {
  name: 'TaskPart',
  description: 'A side of joint delegated work: PROPOSER, the street or department that delegated it; COMMUNITY, the community doing it',
});

export const TaskPartStatus = builder.enumType('TaskPartStatus', { values: ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED'] as const });

export const DelegatedTaskAction = builder.enumType(DelegatedTaskActionValues, { name: 'DelegatedTaskAction' });

export const RelationshipKind = builder.enumType(RelationshipKindValues, {
  name: 'RelationshipKind',
  description: 'GUIDANCE: 指导与协助; SUPERVISION: 服务与监督 (the community supervises the unit)',
});

export const CommitmentOwnerType = builder.enumType(CommitmentOwnerTypeValues, { name: 'CommitmentOwnerType' });

export const CommitmentStatus = builder.enumType(CommitmentStatusValues, {
  name: 'CommitmentStatus',
  description: "From the communities' assessments: BROKEN once any judged it broken, KEPT once all judged it kept, PENDING until then",
});

export const CommitmentVerdict = builder.enumType(CommitmentVerdictValues, {
  name: 'CommitmentVerdict',
  description: "One community's judgement of a commitment made to it",
});
