// Committees: organisational records are public (公示制); residents' personal data only for the
// resident, their community's committee staff and district administrators (null for everyone
// else); writes for the community's own committee staff and district administrators; task funding
// only from the departments subgraph.
import committees from '../../subgraphs/committees/src/index.js';
import { admin, callers, communityManagers, defineSuite, nobody, other, own, pastTheCheck, personas, variants, type AuthorizationRow } from './matrix.js';

interface Fixtures {
  /** A ledger entry, not of the personas' community, that a demo reversal already reversed. */
  reversed: { entry: string; communityId: string };
  /** The fund transfer of a demo task accepted by its community (booked already, or booked now as the outbox would). */
  transfer: { eventId: string; communityId: string; amountFen: number; source: string; purpose: string; reference: string };
}

const personalFields = ['name', 'idCardNumber', 'phone', 'address', 'birthDate', 'gender', 'vulnerableGroups'];
const residentQuery = `query($id: ID!) { resident(id: $id) { id ${personalFields.join(' ')} } }`;
const masked = /^\d{6}\*{8}\d{3}[\dX]$/;

const residentRows: AuthorizationRow<Fixtures>[] = variants(
  {
    name: "a resident's personal data",
    operation: residentQuery,
    allowed: callers,
    expect: (res) => {
      const card = (res.data as { resident?: { idCardNumber?: string | null } } | undefined)?.resident?.idCardNumber;
      if (card != null && !masked.test(card)) throw new Error(`ID-card number not masked: ${card}`);
    },
  },
  {
    // A null resident for the others: nobody can probe ids for who is registered where.
    'the resident themself': {
      variables: { id: personas.RESIDENT.personId },
      allowed: callers,
      sees: { path: ['resident.name', ...personalFields.map((f) => `resident.${f}`)], by: ['RESIDENT', 'COMMITTEE_STAFF', 'DISTRICT_ADMIN'] },
    },
    'another resident of the community': {
      variables: { id: 'resident-minzu-01-0002' },
      allowed: callers,
      sees: { path: ['resident.name', ...personalFields.map((f) => `resident.${f}`)], by: communityManagers },
    },
    'a resident of another community': {
      variables: { id: 'resident-minzu-02-0001' },
      allowed: callers,
      sees: { path: ['resident.name', ...personalFields.map((f) => `resident.${f}`)], by: admin },
    },
    // The token names the resident, but with another community: nobody in particular.
    'the resident, token naming another community': {
      variables: { id: personas.RESIDENT.personId },
      as: { RESIDENT: { ...personas.RESIDENT, communityId: other.neighbour } },
      allowed: callers,
      sees: { path: ['resident.name', ...personalFields.map((f) => `resident.${f}`)], by: communityManagers },
    },
  },
);

export default defineSuite({
  subgraph: committees,
  fixtures: async (ask): Promise<Fixtures> => {
    const { delegatedTask: task } = await ask<{ delegatedTask: { id: string; communityId: string; agreedBudgetFen: number } }>(
      '{ delegatedTask(id: "task-demo-01") { id communityId agreedBudgetFen } }',
    );
    const transfer = {
      eventId: `transfer-${task.id}`,
      communityId: task.communityId,
      amountFen: task.agreedBudgetFen,
      source: 'matrix',
      purpose: 'matrix',
      reference: `delegated-task:${task.id}`,
    };
    // Only some communities corrected a double booking: the first one found (not the personas').
    const { communities } = await ask<{ communities: { edges: { node: { id: string } }[] } }>('{ communities(first: 100) { edges { node { id } } } }');
    const ids = communities.edges.map((e) => e.node.id).filter((id) => id !== own.community);
    // 25 communities a query (the alias limit is 30), the queries at once.
    type Entries = { edges: { node: { id: string; reversedBy: { id: string } | null } }[] };
    const batches = Array.from({ length: Math.ceil(ids.length / 25) }, (_, b) => ids.slice(b * 25, b * 25 + 25));
    const answers = await Promise.all(
      batches.map((batch) =>
        ask<Record<string, Entries>>(
          `{ ${batch.map((id, i) => `c${i}: ledgerEntries(communityId: "${id}", first: 40) { edges { node { id reversedBy { id } } } }`).join(' ')} }`,
        ),
      ),
    );
    for (const [b, answer] of answers.entries()) {
      for (const [i, communityId] of batches[b]!.entries()) {
        const entry = answer[`c${i}`]!.edges.find((e) => e.node.reversedBy);
        if (entry) return { reversed: { entry: entry.node.id, communityId }, transfer };
      }
    }
    throw new Error('no reversed ledger entry in the demo data');
  },
  rows: [
    {
      name: 'a community with its street',
      operation: '{ community(id: "community-minzu-01") { id name population households street { name } } }',
      allowed: callers,
      expect: (res) => {
        if (res.data?.community?.id !== 'community-minzu-01') throw new Error(`community missing: ${JSON.stringify(res.data)}`);
      },
    },
    {
      name: 'the communities of a street, paged',
      operation: 'query($first: Int) { communities(streetId: "street-minzu", first: $first) { edges { node { id nameEn } } pageInfo { hasNextPage } } }',
      variables: { first: 5 },
      allowed: callers,
    },
    {
      name: 'cancelling an election round',
      // The demo's completed 2021 round: CONFLICT past the checks, nothing changes.
      operation: 'mutation { cancelElectionRound(input: { roundId: "election-minzu-01-2021", reason: "matrix" }) { id } }',
      allowed: ['COMMITTEE_STAFF', 'DISTRICT_ADMIN'],
      expect: pastTheCheck('CONFLICT'),
    },
    {
      name: 'organisations, elections, meetings and the ledger are public',
      operation: `{ community(id: "community-minzu-01") {
        representativeCount committeeMembers { name position } consultationMembers { name } consultationMeetings { title agenda { topic decision } }
        electionRounds { id stage candidates { name status votes } } fundBalanceFen fundTotals { category amountFen } }
        ledgerEntries(communityId: "community-minzu-01", first: 3) { edges { node { amountFen purpose } } } }`,
      allowed: callers,
    },
    ...residentRows,
    ...variants(
      { name: "a representative's phone", operation: 'query($id: ID!) { representative(id: $id) { id name phone } }' },
      {
        'the representative themself': {
          variables: { id: personas.REPRESENTATIVE.personId },
          allowed: callers,
          sees: { path: 'representative.phone', by: ['REPRESENTATIVE', 'COMMITTEE_STAFF', 'DISTRICT_ADMIN'] },
        },
        'another representative of the community': {
          variables: { id: 'rep-minzu-01-02' },
          allowed: callers,
          sees: { path: 'representative.phone', by: communityManagers },
        },
        'a representative of another community': { variables: { id: 'rep-minzu-02-01' }, allowed: callers, sees: { path: 'representative.phone', by: admin } },
      },
    ),
    {
      name: "the assembly's phones through the community list",
      operation: '{ community(id: "community-minzu-02") { representatives { id phone } } }',
      allowed: callers,
      sees: { path: 'community.representatives.phone', by: admin },
    },
    ...variants(
      { name: "a community's residents register", operation: 'query($c: ID!) { residents(communityId: $c, first: 2) { edges { node { id name phone } } } }' },
      {
        'own community': { variables: { c: own.community }, allowed: communityManagers, sees: { path: 'residents.edges.node.name', by: communityManagers } },
        'another community': { variables: { c: other.neighbour }, allowed: admin },
      },
    ),
    {
      name: 'a resident found by ID-card number',
      // A valid number nobody holds: the answer is null, past the check.
      operation: '{ residentByIdCard(idCardNumber: "420103199001011236") { id name } }',
      allowed: communityManagers,
    },
    {
      name: "a resident's welfare groups for the services subgraph",
      operation: '{ resident(id: "resident-minzu-02-0001") { id vulnerableGroups } }',
      as: { SERVICE: { role: 'SERVICE', sub: 'service:services' } },
      allowed: callers,
      sees: { path: 'resident.vulnerableGroups', by: ['SERVICE', 'DISTRICT_ADMIN'] },
    },
    {
      name: 'registering a resident',
      // An invalid ID-card number: refused after the role check, before anything is written.
      operation:
        'mutation { registerResident(input: { communityId: "community-minzu-01", name: "测试", gender: FEMALE, idCardNumber: "420103199001011234", address: "民族路1号" }) { id } }',
      allowed: communityManagers,
      expect: pastTheCheck('BAD_USER_INPUT'),
    },
    ...variants(
      {
        name: "setting a resident's vulnerable groups",
        operation: 'mutation($id: ID!) { setResidentVulnerableGroups(input: { residentId: $id, vulnerableGroups: [ELDERLY] }) { id } }',
        expect: pastTheCheck('BAD_USER_INPUT', 'NOT_FOUND'),
      },
      {
        // ELDERLY is derived: refused past the role check. The row-level rule runs under the lock.
        'any resident': { variables: { id: 'resident-minzu-01-0001' }, allowed: communityManagers },
        'unknown resident': { variables: { id: 'resident-nobody' }, allowed: communityManagers },
      },
    ),
    ...variants(
      {
        name: 'recording a ledger entry',
        // More spending than any balance: CONFLICT under the lock, after the community check.
        operation:
          'mutation($c: ID!) { recordLedgerEntry(input: { communityId: $c, category: SPENDING, amountFen: 1000000000, source: "x", purpose: "x", occurredOn: "2025-01-01" }) { id } }',
        expect: pastTheCheck('CONFLICT'),
      },
      {
        'own community': { variables: { c: own.community }, allowed: communityManagers },
        'another community': { variables: { c: other.neighbour }, allowed: admin },
      },
    ),
    ...variants<Fixtures>(
      {
        name: 'reversing a ledger entry',
        // An entry reversed already: CONFLICT under the lock, after the community check.
        operation: 'mutation($id: ID!) { reverseLedgerEntry(input: { entryId: $id, reason: "matrix" }) { id } }',
        expect: pastTheCheck('CONFLICT'),
      },
      {
        'own community': {
          variables: (f) => ({ id: f.reversed.entry }),
          as: (f) => ({ COMMITTEE_STAFF: { ...personas.COMMITTEE_STAFF, communityId: f.reversed.communityId } }),
          allowed: communityManagers,
        },
        'another community': { variables: (f) => ({ id: f.reversed.entry }), allowed: admin },
      },
    ),
    ...variants<Fixtures>(
      {
        name: 'booking task funding',
        // A transfer departments really owes: booked once by its eventId, so asking again changes nothing.
        operation: `mutation($eventId: ID!, $communityId: ID!, $amountFen: Fen!, $source: String!, $purpose: String!, $reference: String) {
          recordFundTransfer(input: { eventId: $eventId, communityId: $communityId, amountFen: $amountFen, source: $source, purpose: $purpose, reference: $reference }) { id amountFen } }`,
        variables: (f) => f.transfer,
      },
      {
        // Only departments' own identity, and only for a task departments shows accepted at that amount.
        'from the departments subgraph': { as: { SERVICE: { role: 'SERVICE', sub: 'service:departments' } }, allowed: ['SERVICE'] },
        'from another subgraph': { as: { SERVICE: { role: 'SERVICE', sub: 'service:services' } }, allowed: nobody },
        'at another amount': {
          variables: (f) => ({ ...f.transfer, eventId: 'matrix-transfer', amountFen: f.transfer.amountFen + 100 }),
          as: { SERVICE: { role: 'SERVICE', sub: 'service:departments' } },
          allowed: nobody,
        },
      },
    ),
    ...variants(
      {
        name: 'booking a donation',
        // An unknown community: NOT_FOUND past the identity check, nothing booked.
        operation:
          'mutation { recordDonation(input: { eventId: "matrix-donation", communityId: "community-nobody", amountFen: 10000, donor: "矩阵单位", purpose: "matrix", occurredOn: "2026-01-05", reference: "contribution:matrix" }) { id } }',
        expect: pastTheCheck('NOT_FOUND'),
      },
      {
        // Only the party subgraph's own identity: money contributions are party's records.
        'from the party subgraph': { as: { SERVICE: { role: 'SERVICE', sub: 'service:party' } }, allowed: ['SERVICE'] },
        'from another subgraph': { as: { SERVICE: { role: 'SERVICE', sub: 'service:departments' } }, allowed: nobody },
      },
    ),
    ...variants(
      {
        name: 'opening an election round',
        // Seats out of range: refused past the role check, before the community is locked.
        operation: 'mutation($c: ID!) { openElectionRound(input: { communityId: $c, title: "matrix", seats: 0 }) { id } }',
        expect: pastTheCheck('BAD_USER_INPUT'),
      },
      { 'any community': { variables: { c: own.community }, allowed: communityManagers } },
    ),
    ...variants(
      {
        name: 'advancing an election round',
        // The demo rounds are completed: no next stage, CONFLICT under the lock.
        operation: 'mutation($r: ID!) { advanceElectionRound(input: { roundId: $r, to: COMPLETED }) { id } }',
        expect: pastTheCheck('CONFLICT'),
      },
      {
        'own community': { variables: { r: 'election-minzu-01-2021' }, allowed: communityManagers },
        'another community': { variables: { r: 'election-minzu-02-2021' }, allowed: admin },
      },
    ),
    ...variants(
      {
        name: 'recording a written exam score',
        operation: 'mutation($c: ID!) { recordWrittenExamScore(input: { candidateId: $c, score: 80 }) { id } }',
        expect: pastTheCheck('CONFLICT'),
      },
      {
        'own community': { variables: { c: 'candidate-minzu-01-2021-01' }, allowed: communityManagers },
        'another community': { variables: { c: 'candidate-minzu-02-2021-01' }, allowed: admin },
      },
    ),
    ...variants(
      {
        name: 'recording an interview score',
        operation: 'mutation($c: ID!) { recordInterviewScore(input: { candidateId: $c, score: 80 }) { id } }',
        expect: pastTheCheck('CONFLICT'),
      },
      {
        'own community': { variables: { c: 'candidate-minzu-01-2021-05' }, allowed: communityManagers },
        'another community': { variables: { c: 'candidate-minzu-02-2021-05' }, allowed: admin },
      },
    ),
    ...variants(
      {
        name: 'an application for the committee',
        operation: 'mutation($r: ID!) { applyForCommittee(input: { roundId: $r, name: "测试", gender: FEMALE, birthYear: 1990 }) { id } }',
        expect: pastTheCheck('CONFLICT', 'BAD_USER_INPUT'),
      },
      {
        'own community': { variables: { r: 'election-minzu-01-2021' }, allowed: communityManagers },
        'another community': { variables: { r: 'election-minzu-02-2021' }, allowed: admin },
      },
    ),
    ...variants(
      {
        name: 'recording the pre-election',
        operation: 'mutation($r: ID!) { recordPreElection(input: { roundId: $r, formalCandidateIds: ["x", "y"] }) { id } }',
        expect: pastTheCheck('CONFLICT', 'BAD_USER_INPUT'),
      },
      {
        'own community': { variables: { r: 'election-minzu-01-2021' }, allowed: communityManagers },
        'another community': { variables: { r: 'election-minzu-02-2021' }, allowed: admin },
      },
    ),
    ...variants(
      {
        name: 'recording the formal election votes',
        operation: 'mutation($r: ID!) { recordFormalElectionVotes(input: { roundId: $r, ballotsCast: 10, votes: [] }) { id } }',
        expect: pastTheCheck('CONFLICT', 'BAD_USER_INPUT'),
      },
      {
        'own community': { variables: { r: 'election-minzu-01-2021' }, allowed: communityManagers },
        'another community': { variables: { r: 'election-minzu-02-2021' }, allowed: admin },
      },
    ),
    ...variants(
      {
        name: 'adding a consultation member',
        // A second convener: CONFLICT under the lock, after the community check.
        operation: 'mutation($c: ID!) { addConsultationMember(input: { communityId: $c, name: "测试", constituency: RESIDENTS, convener: true }) { id } }',
        expect: pastTheCheck('CONFLICT'),
      },
      {
        'own community': { variables: { c: own.community }, allowed: communityManagers },
        'another community': { variables: { c: other.neighbour }, allowed: admin },
      },
    ),
    {
      name: 'scheduling a consultation meeting',
      operation:
        'mutation { scheduleConsultationMeeting(input: { communityId: "community-minzu-01", title: "matrix", heldOn: "2030-01-01", agenda: [] }) { id } }',
      allowed: communityManagers,
      expect: pastTheCheck('BAD_USER_INPUT'),
    },
    ...variants(
      {
        name: 'recording an agenda decision',
        // A decided item: CONFLICT under the lock, after the community check.
        operation: 'mutation($i: ID!) { recordAgendaDecision(input: { agendaItemId: $i, decision: "matrix" }) { id } }',
        expect: pastTheCheck('CONFLICT'),
      },
      {
        'own community': { variables: { i: 'meeting-minzu-01-01-1' }, allowed: communityManagers },
        'another community': { variables: { i: 'meeting-minzu-02-01-1' }, allowed: admin },
      },
    ),
  ],
});
