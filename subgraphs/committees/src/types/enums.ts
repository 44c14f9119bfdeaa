import { CandidateStatus, CommitteePosition, Constituency, ElectionStage, Gender, LedgerCategory, VulnerableGroup } from '../generated/prisma/enums.js';
import { builder } from '../builder.js';

export const GenderEnum = builder.enumType(Gender, { name: 'Gender' });

export const ConstituencyEnum = builder.enumType(Constituency, {
  name: 'Constituency',
  description: 'Whom a representative or a consultation member speaks for',
});

export const CommitteePositionEnum = builder.enumType(CommitteePosition, {
  name: 'CommitteePosition',
  description: "Position on the residents' committee: 主任, 副主任, 委员",
});

export const ElectionStageEnum = builder.enumType(ElectionStage, {
  name: 'ElectionStage',
  description:
    'Stages of an open recruitment and election, in order: application → written exam → interview → pre-election → formal election → completed; or cancelled, at any stage before completion',
});

export const CandidateStatusEnum = builder.enumType(CandidateStatus, {
  name: 'CandidateStatus',
  description: 'IN_RACE until the candidate fails a stage (ELIMINATED, see eliminatedAt) or the formal election decides (ELECTED / NOT_ELECTED)',
});

export const VulnerableGroupEnum = builder.enumType(VulnerableGroup, {
  name: 'VulnerableGroup',
  description: 'Groups that welfare services are for: ELDERLY, DISABLED, ENTITLED (优抚对象), LOW_INCOME (低保), LIVING_ALONE (独居)',
});

export const LedgerCategoryEnum = builder.enumType(LedgerCategory, {
  name: 'LedgerCategory',
  description:
    'Income: SPECIAL_FUND (专项经费), TRANSFERRED_ASSET, DONATION, ASSET_INCOME, TASK_FUNDING (费随事转); SPENDING; REVERSAL (corrects one earlier entry)',
});
