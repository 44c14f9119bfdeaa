// Communities are public: dashboards show them to anyone. Elections are run by the community's
// own committee staff (or the district).
import committees from '../../subgraphs/committees/src/index.js';
import { callers, defineSuite } from './matrix.js';

export default defineSuite({
  subgraph: committees,
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
      expect: (res, _caller, allowed) => {
        if (allowed && res.errors?.[0]?.extensions?.code !== 'CONFLICT') throw new Error(`expected CONFLICT past the checks, got ${JSON.stringify(res.errors)}`);
      },
    },
  ],
});
