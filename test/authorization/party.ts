// Party: organisations, teams, activities and contributions are public; party members' personal
// data only for the organisation's own officers (recognised from the party's records, not the
// token's role) and district administrators; volunteers' names and phones, and the volunteer and
// co-construction writes, for the community's committee staff, its party officers and district
// administrators; a co-construction unit's own staff (PARTNER) record its contributions.
import party from '../../subgraphs/party/src/index.js';
import { admin, callers, defineSuite, other, own, pastTheCheck, personas, variants } from './matrix.js';

/** Who runs a community's volunteer and co-construction work (party's `mayManageCommunity`). */
const managers = ['COMMITTEE_STAFF', 'PARTY_OFFICER', 'DISTRICT_ADMIN'] as const;
/** Who sees party members' personal data (party's `mayReadMembers`). */
const officers = ['PARTY_OFFICER', 'DISTRICT_ADMIN'] as const;
const unitPartner = { role: 'PARTNER', partnerId: 'partner-unit-minzu-01-1', sub: 'partner-unit-minzu-01-1-staff' } as const;

export default defineSuite({
  subgraph: party,
  rows: [
    {
      name: 'organisations, teams, activities and co-construction are public',
      operation: `{ partyOrganization(communityId: "community-minzu-01") { id name memberCount committee { id office } }
        volunteerTeams(communityId: "community-minzu-01") { id name } activities(communityId: "community-minzu-01") { id title participantCount }
        coConstructionUnits(communityId: "community-minzu-01") { id name contributionTotalFen } volunteerStats(streetId: "street-minzu") { volunteers } }`,
      allowed: callers,
    },
    ...variants(
      {
        name: "party members' personal data",
        operation: 'query($c: ID!) { partyOrganization(communityId: $c) { members { id name phone gender birthYear joinedOn } secretary { name phone } } }',
        allowed: callers,
      },
      {
        'own organisation': {
          variables: { c: own.community },
          allowed: callers,
          sees: {
            path: [
              'partyOrganization.members.name',
              'partyOrganization.members.phone',
              'partyOrganization.members.birthYear',
              'partyOrganization.members.joinedOn',
              'partyOrganization.secretary.phone',
            ],
            by: officers,
          },
        },
        'another organisation': {
          variables: { c: other.neighbour },
          allowed: callers,
          sees: { path: ['partyOrganization.members.name', 'partyOrganization.members.phone', 'partyOrganization.secretary.phone'], by: admin },
        },
        // An officer's personId in a token of another community, or of a role that speaks for someone else, is no officer.
        'own organisation, officer id in the wrong tokens': {
          variables: { c: own.community },
          as: {
            PARTY_OFFICER: { ...personas.PARTY_OFFICER, communityId: other.neighbour },
            OBSERVER: { ...personas.OBSERVER, personId: personas.PARTY_OFFICER.personId },
            PARTNER: { ...personas.PARTNER, personId: personas.PARTY_OFFICER.personId },
            DEPARTMENT_STAFF: { ...personas.DEPARTMENT_STAFF, personId: personas.PARTY_OFFICER.personId },
          },
          allowed: callers,
          sees: { path: ['partyOrganization.members.name', 'partyOrganization.members.phone'], by: admin },
        },
      },
    ),
    ...variants(
      {
        name: "volunteers' names and phones",
        operation: 'query($c: ID!) { volunteers(communityId: $c, first: 20) { edges { node { id totalHours name phone partyMember { id } } } } }',
      },
      {
        'own community': {
          variables: { c: own.community },
          allowed: callers,
          sees: { path: ['volunteers.edges.node.name', 'volunteers.edges.node.phone', 'volunteers.edges.node.partyMember'], by: managers },
        },
        'another community': {
          variables: { c: other.neighbour },
          allowed: callers,
          sees: { path: ['volunteers.edges.node.name', 'volunteers.edges.node.phone', 'volunteers.edges.node.partyMember'], by: admin },
        },
      },
    ),
    {
      name: "a volunteer's name through an activity",
      operation: '{ activities(communityId: "community-minzu-02") { participants { volunteer { name phone } partyMember { name phone } } } }',
      allowed: callers,
      sees: {
        path: [
          'activities.participants.volunteer.name',
          'activities.participants.volunteer.phone',
          'activities.participants.partyMember.name',
          'activities.participants.partyMember.phone',
        ],
        by: admin,
      },
    },
    {
      name: 'registering a party organisation',
      operation:
        'mutation { registerPartyOrganization(input: { communityId: "community-minzu-01", name: "matrix", kind: BRANCH, foundedOn: "2020-01-01" }) { id } }',
      allowed: admin,
      expect: pastTheCheck('CONFLICT'),
    },
    ...variants(
      {
        name: 'registering a party member',
        // A member born this year: refused past the officer check.
        operation:
          'mutation($o: ID!) { registerPartyMember(input: { organizationId: $o, name: "测试", gender: FEMALE, birthYear: 2026, phone: "13800000000", joinedOn: "2020-01-01" }) { id } }',
        expect: pastTheCheck('BAD_USER_INPUT'),
      },
      {
        'own organisation': { variables: { o: 'party-org-minzu-01' }, allowed: officers },
        'another organisation': { variables: { o: 'party-org-minzu-02' }, allowed: admin },
      },
    ),
    ...variants(
      {
        name: 'registering a volunteer',
        operation: 'mutation($c: ID!) { registerVolunteer(input: { communityId: $c, name: "测试", skills: [REPAIRS], teamId: "team-nobody" }) { id } }',
        expect: pastTheCheck('BAD_USER_INPUT'),
      },
      { 'own community': { variables: { c: own.community }, allowed: managers }, 'another community': { variables: { c: other.neighbour }, allowed: admin } },
    ),
    ...variants(
      {
        name: 'creating a volunteer team',
        operation: 'mutation($c: ID!) { createVolunteerTeam(input: { communityId: $c, name: "matrix", focus: REPAIRS, leaderId: "vol-nobody" }) { id } }',
        expect: pastTheCheck('BAD_USER_INPUT'),
      },
      { 'own community': { variables: { c: own.community }, allowed: managers }, 'another community': { variables: { c: other.neighbour }, allowed: admin } },
    ),
    ...variants(
      {
        name: 'creating an activity',
        operation:
          'mutation($c: ID!) { createActivity(input: { communityId: $c, kind: VOLUNTEER_SERVICE, title: "matrix", startsAt: "2026-01-01T09:00:00Z", teamId: "team-nobody" }) { id } }',
        expect: pastTheCheck('BAD_USER_INPUT'),
      },
      { 'own community': { variables: { c: own.community }, allowed: managers }, 'another community': { variables: { c: other.neighbour }, allowed: admin } },
    ),
    ...variants(
      {
        name: 'logging volunteer hours',
        operation:
          'mutation($a: ID!) { logVolunteerHours(input: { activityId: $a, volunteerId: "vol-nobody", hours: 1, idempotencyKey: "matrix-hours" }) { log { id } } }',
        expect: pastTheCheck('NOT_FOUND'),
      },
      {
        'own community': { variables: { a: 'activity-minzu-01-01' }, allowed: managers },
        'another community': { variables: { a: 'activity-minzu-02-01' }, allowed: admin },
      },
    ),
    ...variants(
      {
        name: 'registering a co-construction unit',
        operation:
          'mutation($c: ID!) { registerCoConstructionUnit(input: { communityId: $c, name: "matrix", kind: ENTERPRISE, address: "x", partnerId: "!" }) { id } }',
        expect: pastTheCheck('BAD_USER_INPUT'),
      },
      { 'own community': { variables: { c: own.community }, allowed: managers }, 'another community': { variables: { c: other.neighbour }, allowed: admin } },
    ),
    ...variants(
      {
        name: 'signing a co-construction agreement',
        operation: 'mutation($u: ID!) { signCoConstructionAgreement(input: { unitId: $u, title: "matrix", resources: [], signedOn: "2025-01-01" }) { id } }',
        expect: pastTheCheck('BAD_USER_INPUT'),
      },
      {
        'own community': { variables: { u: 'unit-minzu-01-1' }, allowed: managers },
        'another community': { variables: { u: 'unit-minzu-02-1' }, allowed: admin },
      },
    ),
    ...variants(
      {
        name: 'recording a contribution',
        operation:
          'mutation($u: ID!) { recordContribution(input: { unitId: $u, agreementId: "agreement-nobody", kind: MONEY, description: "matrix", valueFen: 100, contributedOn: "2025-01-01" }) { id } }',
        expect: pastTheCheck('BAD_USER_INPUT'),
        // The PARTNER column is the unit's own staff here.
        as: { PARTNER: unitPartner },
      },
      {
        'own community, own unit': { variables: { u: 'unit-minzu-01-1' }, allowed: [...managers, 'PARTNER'] },
        'another community, another unit': { variables: { u: 'unit-minzu-02-1' }, allowed: admin },
      },
    ),
  ],
});
