import {
  ChargingMode as ChargingModes,
  ServicePointNoticeKind as NoticeKinds,
  ServiceProviderKind as ProviderKinds,
  ServiceRating as Ratings,
  ServiceRequestStatus as RequestStatuses,
  ServiceTier as Tiers,
  TenderBidStatus as BidStatuses,
  TenderStatus as TenderStatuses,
  WelfareGroup as WelfareGroups,
} from '../generated/prisma/enums.js';
import { builder } from '../builder.js';

export const ServiceTier = builder.enumType(Tiers, {
  name: 'ServiceTier',
  description: 'WELFARE (福利性, vulnerable groups only), CONVENIENCE (便民利民, all members), SOCIALISED (社会化, local units)',
});
export const ChargingMode = builder.enumType(ChargingModes, { name: 'ChargingMode', description: 'Free, low-cost or paid (无偿、低偿、有偿)' });
export const WelfareGroup = builder.enumType(WelfareGroups, {
  name: 'WelfareGroup',
  description: 'The vulnerable group a welfare item serves; same values as `VulnerableGroup` of committees',
});
export const ServiceProviderKind = builder.enumType(ProviderKinds, { name: 'ServiceProviderKind' });
export const TenderStatus = builder.enumType(TenderStatuses, { name: 'TenderStatus', description: 'OPEN → CLOSED → AWARDED, or CANCELLED' });
export const TenderBidStatus = builder.enumType(BidStatuses, { name: 'TenderBidStatus' });
export const ServicePointNoticeKind = builder.enumType(NoticeKinds, { name: 'ServicePointNoticeKind' });
export const ServiceRequestStatus = builder.enumType(RequestStatuses, {
  name: 'ServiceRequestStatus',
  description: 'SUBMITTED → ACCEPTED → IN_PROGRESS → COMPLETED → CLOSED, or REJECTED; Open311 "open" is the first three',
});
export const ServiceRating = builder.enumType(Ratings, {
  name: 'ServiceRating',
  description: 'The five-level good/bad review scale (好差评); DISSATISFIED and VERY_DISSATISFIED are bad reviews',
});
