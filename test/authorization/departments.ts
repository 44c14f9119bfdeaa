// Departments: streets, departments, staff, delegated tasks, relationships, commitments and notices
// are public (publicity system, 公示制). A street or department acts for itself: assigning its
// staff, proposing and running the tasks it delegates, its guidance relationships, commitments and
// notices; the community asked answers a task (counter-offer, accept, decline) and records its
// supervision channels; the district administrator does all of it; service points' commitments
// and notices only the services subgraph (or the district).
import departments from '../../subgraphs/departments/src/index.js';
import { admin, callers, defineSuite, other, own, pastTheCheck, personas, variants, type Caller } from './matrix.js';

interface Task {
  id: string;
  communityId: string;
  proposerId: string;
  proposerType: 'STREET' | 'DEPARTMENT';
}

interface Fixtures {
  /** Finished tasks (no step applies to them any more), asked by and of someone else than the personas. */
  byDepartment: Task;
  byStreet: Task;
  /** Assessed commitments (final), per owner. */
  commitment: { department: string; otherDepartment: string; street: string };
}

const departmentStaff: readonly Caller[] = ['DEPARTMENT_STAFF', 'DISTRICT_ADMIN'];
const streetStaff: readonly Caller[] = ['STREET_STAFF', 'DISTRICT_ADMIN'];
const committeeStaff: readonly Caller[] = ['COMMITTEE_STAFF', 'DISTRICT_ADMIN'];

/** The proposer's own staff, as the row's DEPARTMENT_STAFF or STREET_STAFF column. */
const proposerStaff = (task: Task) =>
  task.proposerType === 'DEPARTMENT'
    ? { DEPARTMENT_STAFF: { ...personas.DEPARTMENT_STAFF, departmentId: task.proposerId } }
    : { STREET_STAFF: { ...personas.STREET_STAFF, streetId: task.proposerId } };

const communityStep = (name: string, field: string, args: string) =>
  variants<Fixtures>(
    // A finished task: CONFLICT past the party check, nothing changes.
    { name, operation: `mutation($id: ID!) { ${field}(id: $id${args}) { id } }`, expect: pastTheCheck('CONFLICT') },
    {
      'the community asked': { variables: (f) => ({ id: f.byDepartment.id }), as: (f) => ({ COMMITTEE_STAFF: { ...personas.COMMITTEE_STAFF, communityId: f.byDepartment.communityId } }), allowed: committeeStaff },
      'another community': { variables: (f) => ({ id: f.byDepartment.id }), allowed: admin },
    },
  );

const proposerStep = (name: string, field: string, args: string) =>
  variants<Fixtures>(
    { name, operation: `mutation($id: ID!) { ${field}(id: $id${args}) { id } }`, expect: pastTheCheck('CONFLICT') },
    {
      'the proposing department': { variables: (f) => ({ id: f.byDepartment.id }), as: (f) => proposerStaff(f.byDepartment), allowed: departmentStaff },
      'the proposing street': { variables: (f) => ({ id: f.byStreet.id }), as: (f) => proposerStaff(f.byStreet), allowed: streetStaff },
      'another unit': { variables: (f) => ({ id: f.byDepartment.id }), allowed: admin },
    },
  );

export default defineSuite({
  subgraph: departments,
  fixtures: async (ask): Promise<Fixtures> => {
    const { delegatedTasks } = await ask<{ delegatedTasks: { edges: { node: Task }[] } }>(
      '{ delegatedTasks(filter: { status: [SETTLED, DECLINED] }, first: 100) { edges { node { id communityId proposerId proposerType } } } }',
    );
    const tasks = delegatedTasks.edges.map((e) => e.node).filter((t) => t.communityId !== own.community && t.proposerId !== own.department && t.proposerId !== own.street);
    const byDepartment = tasks.find((t) => t.proposerType === 'DEPARTMENT');
    const byStreet = tasks.find((t) => t.proposerType === 'STREET');
    if (!byDepartment || !byStreet) throw new Error(`no finished demo tasks by a department and a street: ${JSON.stringify(tasks)}`);
    const assessed = async (ownerId: string) => {
      const data = await ask<{ commitments: { id: string; status: string }[] }>('query($o: ID!) { commitments(ownerId: $o, limit: 100) { id status } }', { o: ownerId });
      const found = data.commitments.find((c) => c.status !== 'PENDING');
      if (!found) throw new Error(`no assessed commitment of ${ownerId}`);
      return found.id;
    };
    return { byDepartment, byStreet, commitment: { department: await assessed(own.department), otherDepartment: await assessed(other.department), street: await assessed(own.street) } };
  },
  rows: [
    { name: 'the streets with their communities', operation: '{ streets { id name pilot communities { id } } }', allowed: callers },
    { name: 'the departments with their staff', operation: '{ departments { id name shortName specialty staff { id name } } }', allowed: callers },
    { name: 'public commitments, notices and relationships', operation: '{ commitments(limit: 5) { id } notices { id } relationships { id } }', allowed: callers },
    { name: 'public delegated tasks', operation: '{ delegatedTasks(first: 5) { edges { node { id status budgetFen history { action actorRole } } } } }', allowed: callers },
    ...variants(
      { name: 'assigning staff to a community', operation: 'mutation($s: ID!) { assignStaffToCommunity(staffId: $s, communityId: "community-nobody") { id } }', expect: pastTheCheck('NOT_FOUND') },
      {
        'unknown staff member': { variables: { s: 'staff-nobody' }, allowed: ['DISTRICT_ADMIN', 'DEPARTMENT_STAFF', 'STREET_STAFF'] },
        'own department': { variables: { s: 'staff-dept-health-02' }, allowed: departmentStaff },
        'own street': { variables: { s: 'staff-street-minzu-02' }, allowed: streetStaff },
        'another department': { variables: { s: 'staff-dept-culture-02' }, allowed: admin },
      },
    ),
    ...variants(
      { name: 'unassigning staff from a community', operation: 'mutation($s: ID!) { unassignStaffFromCommunity(staffId: $s, communityId: "community-nobody") { id } }', expect: pastTheCheck('NOT_FOUND') },
      {
        'own department': { variables: { s: 'staff-dept-health-02' }, allowed: departmentStaff },
        'own street': { variables: { s: 'staff-street-minzu-02' }, allowed: streetStaff },
        'another street': { variables: { s: 'staff-street-xinhua-02' }, allowed: admin },
      },
    ),
    ...variants(
      {
        name: 'proposing a delegated task',
        // To a community that does not exist: NOT_FOUND once the proposer is settled.
        operation: 'mutation($p: ID!) { proposeDelegatedTask(input: { title: "matrix", description: "matrix test", communityId: "community-nobody", budgetFen: 100000, proposerId: $p }) { id } }',
        expect: pastTheCheck('NOT_FOUND'),
      },
      {
        'for own department': { variables: { p: own.department }, allowed: departmentStaff },
        'for own street': { variables: { p: own.street }, allowed: streetStaff },
        'for another department': { variables: { p: other.department }, allowed: admin },
      },
    ),
    ...communityStep('a counter-offer on a task', 'counterProposeDelegatedTask', ', budgetFen: 100000'),
    ...communityStep('accepting a task', 'acceptDelegatedTask', ''),
    ...communityStep('declining a task', 'declineDelegatedTask', ', reason: "matrix"'),
    ...proposerStep('revising the offer of a task', 'reviseDelegatedTaskOffer', ', budgetFen: 100000'),
    ...proposerStep('starting a task', 'startDelegatedTask', ''),
    ...proposerStep('completing a task', 'completeDelegatedTask', ''),
    ...proposerStep('settling a task', 'settleDelegatedTask', ''),
    ...variants(
      {
        name: 'recording a relationship',
        // A liaison who is not the unit's: BAD_USER_INPUT once the recorder is settled.
        operation: 'mutation($k: RelationshipKind!, $u: ID!, $c: ID!) { recordRelationship(input: { kind: $k, unitId: $u, communityId: $c, subject: "matrix", channel: "matrix", liaisonStaffId: "staff-nobody" }) { id } }',
        expect: pastTheCheck('BAD_USER_INPUT'),
      },
      {
        'guidance by own department': { variables: { k: 'GUIDANCE', u: own.department, c: own.community }, allowed: departmentStaff },
        'guidance by own street': { variables: { k: 'GUIDANCE', u: own.street, c: own.community }, allowed: streetStaff },
        'guidance by another department': { variables: { k: 'GUIDANCE', u: other.department, c: own.community }, allowed: admin },
        'supervision by own community': { variables: { k: 'SUPERVISION', u: own.department, c: own.community }, allowed: committeeStaff },
        'supervision by another community': { variables: { k: 'SUPERVISION', u: own.department, c: other.neighbour }, allowed: admin },
      },
    ),
    {
      name: 'ending a relationship',
      operation: 'mutation { endRelationship(id: "relationship-nobody") { id } }',
      allowed: ['DISTRICT_ADMIN', 'DEPARTMENT_STAFF', 'STREET_STAFF', 'COMMITTEE_STAFF'],
      expect: pastTheCheck('NOT_FOUND'),
    },
    ...variants(
      {
        name: 'publishing a commitment',
        // A one-letter title: BAD_USER_INPUT once the owner is settled.
        operation: 'mutation($t: CommitmentOwnerType!, $o: ID!) { publishCommitment(input: { ownerType: $t, ownerId: $o, title: "x", target: "matrix", deadline: "2030-01-01" }) { id } }',
        expect: pastTheCheck('BAD_USER_INPUT'),
      },
      {
        'for own department': { variables: { t: 'DEPARTMENT', o: own.department }, allowed: departmentStaff },
        'for own street': { variables: { t: 'STREET', o: own.street }, allowed: streetStaff },
        'for another department': { variables: { t: 'DEPARTMENT', o: other.department }, allowed: admin },
        'for a service point, by the services subgraph': { variables: { t: 'SERVICE_POINT', o: 'sp-any' }, as: { SERVICE: { role: 'SERVICE', sub: 'service:services' } }, allowed: ['SERVICE', 'DISTRICT_ADMIN'] },
        'for a service point, by another service': { variables: { t: 'SERVICE_POINT', o: 'sp-any' }, allowed: admin },
      },
    ),
    ...variants<Fixtures>(
      {
        name: 'resolving a commitment',
        // Assessed already: CONFLICT past the owner check.
        operation: 'mutation($id: ID!) { resolveCommitment(id: $id, status: KEPT, outcome: "matrix") { id } }',
        expect: pastTheCheck('CONFLICT'),
      },
      {
        'of own department': { variables: (f) => ({ id: f.commitment.department }), allowed: departmentStaff },
        'of own street': { variables: (f) => ({ id: f.commitment.street }), allowed: streetStaff },
        'of another department': { variables: (f) => ({ id: f.commitment.otherDepartment }), allowed: admin },
      },
    ),
    ...variants(
      {
        name: 'publishing a notice',
        operation: 'mutation($t: CommitmentOwnerType!, $o: ID!) { publishNotice(input: { ownerType: $t, ownerId: $o, title: "x", body: "matrix" }) { id } }',
        expect: pastTheCheck('BAD_USER_INPUT'),
      },
      {
        'for own department': { variables: { t: 'DEPARTMENT', o: own.department }, allowed: departmentStaff },
        'for own street': { variables: { t: 'STREET', o: own.street }, allowed: streetStaff },
        'for another street': { variables: { t: 'STREET', o: other.street }, allowed: admin },
        'for a service point, by the services subgraph': { variables: { t: 'SERVICE_POINT', o: 'sp-any' }, as: { SERVICE: { role: 'SERVICE', sub: 'service:services' } }, allowed: ['SERVICE', 'DISTRICT_ADMIN'] },
      },
    ),
  ],
});
