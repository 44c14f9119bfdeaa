// Streets, departments, commitments and notices are public (publicity system, 公示制); assigning
// staff down to communities is for the district, a department or a street.
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
  ],
});
