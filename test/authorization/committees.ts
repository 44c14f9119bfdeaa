// Communities are public: dashboards show them to anyone.
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
  ],
});
