// Streets, departments, commitments and notices are public (publicity system, 公示制); assigning
// staff down to communities, and adding staff, is for the district or the staff's own department
// or street.
import departments from '../../subgraphs/departments/src/index.js';
import { callers, defineSuite } from './matrix.js';

export default defineSuite({
  subgraph: departments,
  rows: [
    { name: 'the streets with their communities', operation: '{ streets { id name pilot communities { id } } }', allowed: callers },
    { name: 'the departments', operation: '{ departments { id name shortName specialty } }', allowed: callers },
    { name: 'public commitments', operation: '{ commitments(limit: 5) { id } }', allowed: callers },
    {
      name: 'assigning staff to a community',
      operation: 'mutation { assignStaffToCommunity(staffId: "staff-nobody", communityId: "community-minzu-01") { id } }',
      allowed: ['DISTRICT_ADMIN', 'DEPARTMENT_STAFF', 'STREET_STAFF'],
      expect: (res, _caller, allowed) => {
        if (allowed && res.errors?.[0]?.extensions?.code !== 'NOT_FOUND') throw new Error(`expected NOT_FOUND past the role check, got ${JSON.stringify(res.errors)}`);
      },
    },
    {
      name: 'creating staff for a department that does not exist',
      operation: 'mutation { createStaff(input: { name: "王芳", position: "科员", departmentId: "dept-nobody" }) { id } }',
      allowed: ['DISTRICT_ADMIN'],
      expect: (res, _caller, allowed) => {
        if (allowed && res.errors?.[0]?.extensions?.code !== 'NOT_FOUND') throw new Error(`expected NOT_FOUND past the checks, got ${JSON.stringify(res.errors)}`);
      },
    },
    {
      name: 'creating staff for the own department',
      // An unknown community to assign: NOT_FOUND past the checks, nothing written.
      operation: 'mutation { createStaff(input: { name: "王芳", position: "科员", departmentId: "dept-health", communityIds: ["community-nowhere"] }) { id } }',
      allowed: ['DISTRICT_ADMIN', 'DEPARTMENT_STAFF'],
      expect: (res, _caller, allowed) => {
        if (allowed && res.errors?.[0]?.extensions?.code !== 'NOT_FOUND') throw new Error(`expected NOT_FOUND past the checks, got ${JSON.stringify(res.errors)}`);
      },
    },
  ],
});
