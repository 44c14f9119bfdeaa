// Shapes of what the documents in operations.ts select; kept by hand beside them, small enough
// that a code generator would cost more than it saves.

export type CampaignStatus = 'DRAFT' | 'OPEN' | 'CLOSED' | 'PUBLISHED';
export type TargetKind = 'STREET' | 'DEPARTMENT' | 'STAFF';
export type Grade = 'EXCELLENT' | 'GOOD' | 'PASS' | 'FAIL';

export interface NamedRef {
  id: string;
  name: string;
  nameEn: string;
}

export interface CampaignSummary {
  id: string;
  title: string;
  status: CampaignStatus;
  periodStart: string;
  periodEnd: string;
  minBallots: number;
}

/** Kept, broken and pending commitments of an evaluated street or department. */
export type PromiseCounts = Pick<CommitmentCounts, 'kept' | 'broken' | 'pending'>;

export interface CampaignTarget {
  targetKind: TargetKind;
  targetId: string;
  eligibleVoters: number;
  /** With its commitments as its communities assessed them (departments, through federation). */
  street: (NamedRef & { commitmentCounts: PromiseCounts | null }) | null;
  department: (NamedRef & { commitmentCounts: PromiseCounts | null }) | null;
  staff: {
    id: string;
    name: string;
    position: string;
    department: NamedRef | null;
    street: NamedRef | null;
  } | null;
}

export interface CampaignDetail extends CampaignSummary {
  canSeeScores: boolean;
  targets: CampaignTarget[];
}

export interface ProgressMessage {
  campaignId: string;
  campaignStatus: CampaignStatus;
  ballotsCast: number;
  eligibleBallots: number;
  turnout: number;
  revision: number;
}

export interface ResultMessage {
  campaignId: string;
  campaignStatus: CampaignStatus;
  targetKind: TargetKind;
  targetId: string;
  ballotCount: number;
  eligibleVoters: number;
  meetsMinBallots: boolean;
  score: number | null;
  grade: Grade | null;
  rank: number | null;
  revision: number;
}

export interface StatusMessage {
  campaignId: string;
  status: CampaignStatus;
  changedAt: string;
  revision: number;
}

export interface ServiceRequestCounts {
  open: number;
  total: number;
}

export interface DistrictCommunity {
  id: string;
  name: string;
  nameEn: string;
  population: number;
  households: number;
  representativeCount: number;
  fundBalanceFen: number;
  serviceRequestStats: ServiceRequestCounts | null;
}

export interface DistrictStreet extends NamedRef {
  pilot: boolean;
  communities: DistrictCommunity[] | null;
}

export interface StreetCounts {
  id: string;
  communities: Array<{
    id: string;
    committeeMembers: Array<{ id: string }>;
    servicePoints: Array<{ id: string }> | null;
    partyOrganization: { id: string; memberCount: number } | null;
    volunteerStats: { volunteers: number; hours: number } | null;
  }> | null;
}

export interface CommunityDetail {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  population: number;
  households: number;
  representativeCount: number;
  fundBalanceFen: number;
  street: NamedRef | null;
  committeeMembers: Array<{ id: string; name: string; position: string; termStart: string }>;
  partyOrganization: { id: string; name: string; memberCount: number } | null;
  volunteerStats: { volunteers: number; teams: number; hours: number } | null;
  fundTotals: Array<{ category: string; amountFen: number; entries: number }>;
  servicePoints: Array<{
    id: string;
    name: string;
    nameEn: string;
    openingHours: string;
    inService: boolean;
    item: NamedRef;
  }> | null;
  serviceRequestStats: { total: number; open: number; closed: number; satisfactionRate: number | null } | null;
  consultationMembers: Array<{ id: string; name: string; constituency: string; convener: boolean }>;
  electionRounds: Array<{ id: string; title: string; stage: string; seats: number; ballotsCast: number | null; openedAt: string; completedAt: string | null }>;
  /** Null when `departments` is down: the rest of the page still shows. */
  delegatedTasks: Array<{
    id: string;
    title: string;
    status: string;
    proposerType: 'DEPARTMENT' | 'STREET';
    department: NamedRef | null;
    street: NamedRef | null;
    budgetFen: number;
    agreedBudgetFen: number | null;
    dueDate: string | null;
  }> | null;
}

export interface LedgerPage {
  ledgerEntries: {
    edges: Array<{
      node: {
        id: string;
        category: string;
        amountFen: number;
        source: string;
        purpose: string;
        occurredOn: string;
        reference: string | null;
        reversedBy: { id: string } | null;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

export interface CommunityRequestList {
  community: {
    id: string;
    serviceRequests: Array<{
      id: string;
      status: string;
      requestedAt: string;
      expectedAt: string | null;
      rating: string | null;
      item: NamedRef;
      servicePoint: NamedRef | null;
    }> | null;
  } | null;
}

export type ViewerRole =
  | 'RESIDENT'
  | 'REPRESENTATIVE'
  | 'COMMITTEE_STAFF'
  | 'STREET_STAFF'
  | 'DEPARTMENT_STAFF'
  | 'DISTRICT_ADMIN'
  | 'PARTNER'
  | 'OBSERVER'
  | 'SERVICE';

export interface Viewer {
  role: ViewerRole;
  partnerId: string | null;
  community: NamedRef | null;
  street: NamedRef | null;
  department: NamedRef | null;
}

export type RectificationStatus = 'AWAITING_PLAN' | 'PLAN_SUBMITTED' | 'APPEALED' | 'VERIFIED' | 'DISMISSED';

export interface RectificationCase {
  id: string;
  targetKind: TargetKind | 'PROVIDER';
  targetId: string;
  street: NamedRef | null;
  department: NamedRef | null;
  staff: { id: string; name: string; position: string } | null;
  /** The service provider of a bad service rating's case. */
  provider: NamedRef | null;
  campaign: { id: string; title: string } | null;
  badReviews: number;
  openedOn: string;
  deadline: string;
  status: RectificationStatus;
  plan: string | null;
  planSubmittedAt: string | null;
  revisionNote: string | null;
  appeal: { appealedAt: string; decision: 'UPHELD' | 'REJECTED' | null; decidedAt: string | null } | null;
  resolvedAt: string | null;
}

export type OwnerType = 'DEPARTMENT' | 'STREET' | 'SERVICE_POINT';
export type CommitmentStatus = 'PENDING' | 'KEPT' | 'BROKEN';

export interface CommitmentAssessment {
  communityId: string;
  community: NamedRef | null;
  verdict: 'KEPT' | 'BROKEN';
  evidence: string;
  assessedOn: string;
}

/** A place-named service point, as services names it (null when services does not answer). */
export interface ServicePointRef extends NamedRef {
  community: NamedRef | null;
  street: NamedRef | null;
}

export interface Commitment {
  id: string;
  ownerType: OwnerType;
  ownerId: string;
  department: NamedRef | null;
  street: NamedRef | null;
  servicePoint: ServicePointRef | null;
  title: string;
  target: string;
  deadline: string;
  status: CommitmentStatus;
  resolvedAt: string | null;
  communityCount: number;
  assessmentCount: number;
  latestAssessment: CommitmentAssessment | null;
}

/** An owner's commitments as its communities assessed them (the owner's own record, from departments). */
export interface CommitmentCounts {
  total: number;
  kept: number;
  broken: number;
  pending: number;
  overdue: number;
}

export interface CountedOwner extends NamedRef {
  commitmentCounts: CommitmentCounts | null;
}

export interface Notice {
  id: string;
  ownerType: OwnerType;
  ownerId: string;
  title: string;
  body: string;
  publishedAt: string;
}

export interface CommitmentsData {
  commitments: Commitment[];
  notices: Notice[];
  departments: CountedOwner[];
  streets: CountedOwner[];
}

/** A service point's notices and counts; its commitments come with the others' (one system). */
export interface ServicePointPublicity {
  id: string;
  name: string;
  nameEn: string;
  community: NamedRef | null;
  street: NamedRef | null;
  commitmentCounts: CommitmentCounts | null;
  notices: Array<{ id: string; kind: string; title: string; content: string; publishedAt: string; expiresAt: string | null }>;
}

export type DelegatedTaskStatus = 'PROPOSED' | 'NEGOTIATING' | 'ACCEPTED' | 'DECLINED' | 'IN_PROGRESS' | 'COMPLETED' | 'SETTLED';
export type UnitType = 'STREET' | 'DEPARTMENT';

export interface DelegatedTask {
  id: string;
  title: string;
  status: DelegatedTaskStatus;
  proposerType: UnitType;
  proposerId: string;
  department: NamedRef | null;
  street: NamedRef | null;
  communityId: string;
  community: NamedRef | null;
  budgetFen: number;
  agreedBudgetFen: number | null;
  transfer: { eventId: string; amountFen: number; status: 'PENDING' | 'DELIVERED' } | null;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface DelegatedTasksPage {
  delegatedTasks: { pageInfo: PageInfo; edges: Array<{ node: DelegatedTask }> };
}

export interface TaskLedgerEntry {
  id: string;
  amountFen: number;
  reference: string | null;
  reversedBy: { id: string; amountFen: number } | null;
}

export interface TaskLedgerPage {
  ledgerEntries: { pageInfo: PageInfo; edges: Array<{ node: TaskLedgerEntry }> };
}

export interface AccountabilityEvent {
  at: string;
  kind: string;
  summary: string;
  subjectId: string;
  community: NamedRef | null;
}

/** What DepartmentAccountability, StreetAccountability and StaffAccountability select. */
export interface UnitAccountability {
  id: string;
  name: string;
  nameEn?: string;
  position?: string;
  evaluations: {
    campaignId: string;
    campaign: { title: string } | null;
    campaignStatus: CampaignStatus;
    score: number | null;
    grade: Grade | null;
    rank: number | null;
    badReviews: number | null;
    ballotCount: number;
    meetsMinBallots: boolean;
  }[];
  rectificationCases: { id: string; status: string; deadline: string; overdue: boolean; badReviews: number }[];
  commitments: { id: string }[];
  delegatedTasks: { id: string }[];
  accountabilityTimeline: AccountabilityEvent[];
}
