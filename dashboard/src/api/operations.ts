// Every GraphQL document the dashboard sends, as the exact text the gateway's trusted-documents
// manifest (schema/operations/dashboard-web.json) records. Editing a text here means running
// `npx tsx dashboard/scripts/record-operations.ts`; a unit test fails until then.
//
// Sizing: the gateway's cost limit (5,000) prices lists by the @listSize their subgraphs declare
// (test/cost.e2e.ts runs every query here at the default limits). The district query keeps to
// per-community scalars and objects and list-derived counts come per street, as they were written
// when every list was priced at 20 items; commitments are asked in two documents (every owner's
// commitments with per-commitment scalars, then the service points' notices and counts).

export const CampaignList = `query DashboardCampaigns {
  campaigns {
    id
    title
    status
    periodStart
    periodEnd
    minBallots
  }
}`;

export const CampaignBoard = `query DashboardCampaign($id: ID!) {
  campaign(id: $id) {
    id
    title
    status
    periodStart
    periodEnd
    minBallots
    canSeeScores
    targets {
      targetKind
      targetId
      eligibleVoters
      street {
        id
        name
        nameEn
        commitmentCounts {
          kept
          broken
          pending
        }
      }
      department {
        id
        name
        nameEn
        commitmentCounts {
          kept
          broken
          pending
        }
      }
      staff {
        id
        name
        position
        department {
          id
          name
          nameEn
        }
        street {
          id
          name
          nameEn
        }
      }
    }
  }
}`;

export const ProgressFeed = `subscription DashboardCampaignProgress($campaignId: ID!) {
  campaignProgress(campaignId: $campaignId) {
    campaignId
    campaignStatus
    ballotsCast
    eligibleBallots
    turnout
    revision
  }
}`;

export const ResultsFeed = `subscription DashboardCampaignResults($campaignId: ID!) {
  evaluationResultChanged(campaignId: $campaignId) {
    campaignId
    campaignStatus
    targetKind
    targetId
    ballotCount
    eligibleVoters
    meetsMinBallots
    score
    grade
    rank
    revision
  }
}`;

export const StatusFeed = `subscription DashboardCampaignStatus($campaignId: ID) {
  campaignStatusChanged(campaignId: $campaignId) {
    campaignId
    status
    changedAt
    revision
  }
}`;

export const District = `query DashboardDistrict {
  streets {
    id
    name
    nameEn
    pilot
    communities {
      id
      name
      nameEn
      population
      households
      representativeCount
      fundBalanceFen
      serviceRequestStats {
        open
        total
      }
    }
  }
}`;

export const StreetCounts = `query DashboardStreetCounts($streetId: ID!) {
  street(id: $streetId) {
    id
    communities {
      id
      committeeMembers {
        id
      }
      servicePoints {
        id
      }
      partyOrganization {
        id
        memberCount
      }
      volunteerStats {
        volunteers
        hours
      }
    }
  }
}`;

export const CommunityPage = `query DashboardCommunity($id: ID!) {
  community(id: $id) {
    id
    code
    name
    nameEn
    population
    households
    representativeCount
    fundBalanceFen
    street {
      id
      name
      nameEn
    }
    committeeMembers {
      id
      name
      position
      termStart
    }
    partyOrganization {
      id
      name
      memberCount
    }
    volunteerStats {
      volunteers
      teams
      hours
    }
    fundTotals {
      category
      amountFen
      entries
    }
    servicePoints {
      id
      name
      nameEn
      openingHours
      inService
      item {
        id
        name
        nameEn
      }
    }
    serviceRequestStats {
      total
      open
      closed
      satisfactionRate
    }
    consultationMembers {
      id
      name
      constituency
      convener
    }
    electionRounds {
      id
      title
      stage
      seats
      ballotsCast
      openedAt
      completedAt
    }
    delegatedTasks {
      id
      title
      status
      proposerType
      department {
        id
        name
        nameEn
      }
      street {
        id
        name
        nameEn
      }
      budgetFen
      agreedBudgetFen
      dueDate
    }
  }
}`;

export const CommunityLedger = `query DashboardCommunityLedger($id: ID!, $after: String) {
  ledgerEntries(communityId: $id, first: 15, after: $after) {
    edges {
      node {
        id
        category
        amountFen
        source
        purpose
        occurredOn
        reference
        reversedBy {
          id
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}`;

export const CommunityRequests = `query DashboardCommunityRequests($id: ID!) {
  community(id: $id) {
    id
    serviceRequests(first: 20) {
      id
      status
      requestedAt
      expectedAt
      rating
      item {
        id
        name
        nameEn
      }
      servicePoint {
        id
        name
        nameEn
      }
    }
  }
}`;

export const Viewer = `query DashboardViewer {
  viewer {
    role
    partnerId
    community {
      id
      name
      nameEn
    }
    street {
      id
      name
      nameEn
    }
    department {
      id
      name
      nameEn
    }
  }
}`;

export const RectificationBoard = `query DashboardRectificationCases {
  rectificationCases {
    id
    targetKind
    targetId
    street {
      id
      name
      nameEn
    }
    department {
      id
      name
      nameEn
    }
    staff {
      id
      name
      position
    }
    provider {
      id
      name
      nameEn
    }
    campaign {
      id
      title
    }
    badReviews
    openedOn
    deadline
    status
    plan
    planSubmittedAt
    revisionNote
    appeal {
      appealedAt
      decision
      decidedAt
    }
    resolvedAt
  }
}`;

export const Commitments = `query DashboardCommitments {
  commitments(limit: 500) {
    id
    ownerType
    ownerId
    department {
      id
      name
      nameEn
    }
    street {
      id
      name
      nameEn
    }
    servicePoint {
      id
      name
      nameEn
      community {
        id
        name
        nameEn
      }
      street {
        id
        name
        nameEn
      }
    }
    title
    target
    deadline
    status
    resolvedAt
    communityCount
    assessmentCount
    latestAssessment {
      communityId
      community {
        id
        name
        nameEn
      }
      verdict
      evidence
      assessedOn
    }
  }
  notices {
    id
    ownerType
    ownerId
    title
    body
    publishedAt
  }
  departments {
    id
    name
    nameEn
    commitmentCounts {
      total
      kept
      broken
      pending
      overdue
    }
  }
  streets {
    id
    name
    nameEn
    commitmentCounts {
      total
      kept
      broken
      pending
      overdue
    }
  }
}`;

export const ServicePointPublicity = `query DashboardServicePointPublicity {
  servicePoints {
    id
    name
    nameEn
    community {
      id
      name
      nameEn
    }
    street {
      id
      name
      nameEn
    }
    commitmentCounts {
      total
      kept
      broken
      pending
      overdue
    }
    notices {
      id
      kind
      title
      content
      publishedAt
      expiresAt
    }
  }
}`;

// Money follows the task (费随事转): the tasks, a page of 100 (the subgraph's maximum) at a time,
// cost ≈ 600; then each community's TASK_FUNDING entries, 200 a page, cost ≈ 600. Matching
// one to the other is client-side (src/tasks/funds.ts).
export const DelegatedTasks = `query DashboardDelegatedTasks($after: String) {
  delegatedTasks(first: 100, after: $after) {
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        title
        status
        proposerType
        proposerId
        department {
          id
          name
          nameEn
        }
        street {
          id
          name
          nameEn
        }
        communityId
        community {
          id
          name
          nameEn
        }
        budgetFen
        agreedBudgetFen
        transfer {
          eventId
          amountFen
          status
        }
      }
    }
  }
}`;

export const TaskLedger = `query DashboardTaskLedger($communityId: ID!, $after: String) {
  ledgerEntries(communityId: $communityId, category: TASK_FUNDING, first: 200, after: $after) {
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        amountFen
        reference
        reversedBy {
          id
          amountFen
        }
      }
    }
  }
}`;

// A unit's accountability page: one document per kind of unit (they are different types), the
// same selection in each.
const accountabilitySelection = `
    evaluations {
      campaignId
      campaign {
        title
      }
      campaignStatus
      score
      grade
      rank
      badReviews
      ballotCount
      meetsMinBallots
    }
    rectificationCases {
      id
      status
      deadline
      overdue
      badReviews
    }
    commitments {
      id
    }
    delegatedTasks {
      id
    }
    accountabilityTimeline(limit: 200) {
      at
      kind
      summary
      subjectId
      community {
        id
        name
        nameEn
      }
    }`;

export const DepartmentAccountability = `query DashboardDepartmentAccountability($id: ID!) {
  department(id: $id) {
    id
    name
    nameEn${accountabilitySelection}
  }
}`;

export const StreetAccountability = `query DashboardStreetAccountability($id: ID!) {
  street(id: $id) {
    id
    name
    nameEn${accountabilitySelection}
  }
}`;

export const StaffAccountability = `query DashboardStaffAccountability($id: ID!) {
  staff(id: $id) {
    id
    name
    position${accountabilitySelection}
  }
}`;

/** Name → document, in the order the manifest generator and tests walk them. */
export const operations = {
  CampaignList,
  CampaignBoard,
  ProgressFeed,
  ResultsFeed,
  StatusFeed,
  District,
  StreetCounts,
  CommunityPage,
  CommunityLedger,
  CommunityRequests,
  Viewer,
  RectificationBoard,
  Commitments,
  ServicePointPublicity,
  DelegatedTasks,
  TaskLedger,
  DepartmentAccountability,
  StreetAccountability,
  StaffAccountability,
} as const;

export type OperationName = keyof typeof operations;
