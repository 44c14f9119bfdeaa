// Departments: streets, departments, staff, delegated tasks, relationships, commitments and notices
// are public (publicity system, 公示制). A street or department acts for itself: assigning its
// staff, proposing and running the tasks it delegates, its guidance relationships, commitments and
// notices; the community asked answers a task (counter-offer, accept, decline) and records its
// supervision channels; the district administrator does all of it; service points' commitments
// and notices only the services subgraph (or the district).
import departments from '../../subgraphs/departments/src/index.js';
import { admin, nobody, callers, defineSuite, other, own, pastTheCheck, personas, variants, type Caller } from './matrix.js';

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
  /** A commitment the persona's community has assessed already, and one not made to it. */
  assessedByOwnCommunity: string;
  notMadeToOwnCommunity: string;
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
      'the community asked': {
        variables: (f) => ({ id: f.byDepartment.id }),
        as: (f) => ({ COMMITTEE_STAFF: { ...personas.COMMITTEE_STAFF, communityId: f.byDepartment.communityId } }),
        allowed: committeeStaff,
      },
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
    const tasks = delegatedTasks.edges
      .map((e) => e.node)
      .filter((t) => t.communityId !== own.community && t.proposerId !== own.department && t.proposerId !== own.street);
    const byDepartment = tasks.find((t) => t.proposerType === 'DEPARTMENT');
    const byStreet = tasks.find((t) => t.proposerType === 'STREET');
    if (!byDepartment || !byStreet) throw new Error(`no finished demo tasks by a department and a street: ${JSON.stringify(tasks)}`);
    const assessed = async (ownerId: string) => {
      const data = await ask<{ commitments: { id: string; status: string }[] }>('query($o: ID!) { commitments(ownerId: $o, limit: 100) { id status } }', {
        o: ownerId,
      });
      const found = data.commitments.find((c) => c.status !== 'PENDING');
      if (!found) throw new Error(`no assessed commitment of ${ownerId}`);
      return found.id;
    };
    const mine = await ask<{ community: { commitments: { id: string; assessments: { communityId: string }[] }[] } }>(
      'query($c: ID!) { community(id: $c) { commitments { id assessments { communityId } } } }',
      { c: own.community },
    );
    const assessedByOwnCommunity = mine.community.commitments.find((c) => c.assessments.some((a) => a.communityId === own.community))?.id;
    if (!assessedByOwnCommunity) throw new Error(`no commitment assessed by ${own.community}`);
    const all = await ask<{ commitments: { id: string; communities: { id: string }[] }[] }>('{ commitments(limit: 200) { id communities { id } } }');
    const notMadeToOwnCommunity = all.commitments.find((c) => !c.communities.some((m) => m.id === own.community))!.id;
    return {
      byDepartment,
      byStreet,
      assessedByOwnCommunity,
      notMadeToOwnCommunity,
      commitment: { department: await assessed(own.department), otherDepartment: await assessed(other.department), street: await assessed(own.street) },
    };
  },
  rows: [
    { name: 'the streets with their communities', operation: '{ streets { id name pilot communities { id } } }', allowed: callers },
    { name: 'the departments with their staff', operation: '{ departments { id name shortName specialty staff { id name } } }', allowed: callers },
    {
      name: 'public commitments, notices and relationships',
      operation: '{ commitments(limit: 5) { id } notices { id } relationships { id } }',
      allowed: callers,
    },
    {
      name: 'public delegated tasks',
      operation: '{ delegatedTasks(first: 5) { edges { node { id status budgetFen history { action actorRole } } } } }',
      allowed: callers,
    },
    ...variants(
      {
        name: 'assigning staff to a community',
        operation: 'mutation($s: ID!) { assignStaffToCommunity(staffId: $s, communityId: "community-nobody") { id } }',
        expect: pastTheCheck('NOT_FOUND'),
      },
      {
        'unknown staff member': { variables: { s: 'staff-nobody' }, allowed: ['DISTRICT_ADMIN', 'DEPARTMENT_STAFF', 'STREET_STAFF'] },
        'own department': { variables: { s: 'staff-dept-health-02' }, allowed: departmentStaff },
        'own street': { variables: { s: 'staff-street-minzu-02' }, allowed: streetStaff },
        'another department': { variables: { s: 'staff-dept-culture-02' }, allowed: admin },
      },
    ),
    ...variants(
      {
        name: 'unassigning staff from a community',
        operation: 'mutation($s: ID!) { unassignStaffFromCommunity(staffId: $s, communityId: "community-nobody") { id } }',
        expect: pastTheCheck('NOT_FOUND'),
      },
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
        operation:
          'mutation($p: ID!) { proposeDelegatedTask(input: { title: "matrix", description: "matrix test", communityId: "community-nobody", budgetFen: 100000, proposerId: $p }) { id } }',
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
    ...proposerStep('starting a task', 'startDelegatedTask', ', part: PROPOSER'),
    ...proposerStep('completing a task', 'completeDelegatedTask', ', part: PROPOSER'),
    ...proposerStep('settling a task', 'settleDelegatedTask', ''),
    // Joint work: the community records its own part too.
    ...communityStep("starting the community's part of a task", 'startDelegatedTask', ', part: COMMUNITY'),
    ...communityStep("completing the community's part of a task", 'completeDelegatedTask', ', part: COMMUNITY'),
    ...variants(
      {
        name: 'recording a relationship',
        // A liaison who is not the unit's: BAD_USER_INPUT once the recorder is settled.
        operation:
          'mutation($k: RelationshipKind!, $u: ID!, $c: ID!) { recordRelationship(input: { kind: $k, unitId: $u, communityId: $c, subject: "matrix", channel: "matrix", liaisonStaffId: "staff-nobody" }) { id } }',
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
    {
      name: 'creating staff for a department that does not exist',
      operation: 'mutation { createStaff(input: { name: "王芳", position: "科员", departmentId: "dept-nobody" }) { id } }',
      allowed: ['DISTRICT_ADMIN'],
      expect: pastTheCheck('NOT_FOUND'),
    },
    {
      name: 'creating staff for the own department',
      // An unknown community to assign: NOT_FOUND past the checks, nothing written.
      operation: 'mutation { createStaff(input: { name: "王芳", position: "科员", departmentId: "dept-health", communityIds: ["community-nowhere"] }) { id } }',
      allowed: ['DISTRICT_ADMIN', 'DEPARTMENT_STAFF'],
      expect: pastTheCheck('NOT_FOUND'),
    },
    ...variants(
      {
        name: 'proposing a commitment',
        // An unknown community: refused once the owner is settled, before anything is written.
        operation:
          'mutation($t: CommitmentOwnerType!, $o: ID!) { proposeCommitment(input: { ownerType: $t, ownerId: $o, title: "矩阵承诺", target: "matrix", deadline: "2030-01-01", communityIds: ["community-nobody"] }) { id } }',
        expect: pastTheCheck('NOT_FOUND', 'BAD_USER_INPUT'),
      },
      {
        'for own department': { variables: { t: 'DEPARTMENT', o: own.department }, allowed: departmentStaff },
        'for own street': { variables: { t: 'STREET', o: own.street }, allowed: streetStaff },
        'for another department': { variables: { t: 'DEPARTMENT', o: other.department }, allowed: admin },
        // An unknown point: NOT_FOUND for the roles that may propose for one (its provider, the district).
        'for a service point': { variables: { t: 'SERVICE_POINT', o: 'sp-nobody' }, allowed: ['PARTNER', 'DISTRICT_ADMIN'] },
      },
    ),
    ...variants<Fixtures>(
      {
        name: 'assessing a commitment',
        // Already assessed by the persona's community: CONFLICT past the checks, nothing changes.
        operation:
          'mutation($id: ID!) { assessCommitment(input: { commitmentId: $id, verdict: KEPT, evidence: "矩阵核验", assessedOn: "2026-01-05" }) { id } }',
        expect: pastTheCheck('CONFLICT', 'BAD_USER_INPUT'),
      },
      {
        // Only a clerk of a community it was made to; never the owner, not even the district.
        'made to own community': { variables: (f) => ({ id: f.assessedByOwnCommunity }), allowed: ['COMMITTEE_STAFF'] },
        'not made to own community': { variables: (f) => ({ id: f.notMadeToOwnCommunity }), allowed: nobody },
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
        'for a service point, by the services subgraph': {
          variables: { t: 'SERVICE_POINT', o: 'sp-any' },
          as: { SERVICE: { role: 'SERVICE', sub: 'service:services' } },
          allowed: ['SERVICE', 'DISTRICT_ADMIN'],
        },
      },
    ),
  ],
});
