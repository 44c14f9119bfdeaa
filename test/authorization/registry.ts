// Registry: the federation's subgraphs are for district administrators and partner agencies (a
// partner sees the core ones and its own); registering a partner subgraph is the district's;
// publishing, checking, rolling back, removing and rotating a partner subgraph are its own
// agency's or the district's; core subgraphs change only through the repository.
import registry from '../../subgraphs/registry/src/index.js';
import { admin, defineSuite, pastTheCheck } from './matrix.js';

const stewards = ['DISTRICT_ADMIN', 'PARTNER'] as const;

export default defineSuite({
  subgraph: registry,
  rows: [
    { name: 'the registered subgraphs', operation: '{ registeredSubgraphs { name kind partnerId routingUrl keyGeneration registeredBy } }', allowed: stewards },
    {
      name: 'one registered subgraph with its SDL',
      operation: '{ registeredSubgraph(name: "committees") { name sdl versions(last: 1) { version } } }',
      allowed: stewards,
    },
    {
      name: 'a schema check',
      // A core subgraph: the district is told it changes through the repository (CONFLICT), a partner is refused.
      operation: '{ subgraphCheck(name: "committees", sdl: "type Query { a: Int }") { ok } }',
      allowed: admin,
      expect: pastTheCheck('CONFLICT'),
    },
    {
      name: 'registering a partner subgraph',
      // A core subgraph's name: BAD_USER_INPUT past the role check.
      operation: 'mutation { registerPartnerSubgraph(name: "committees", partnerId: "partner-x", routingUrl: "http://127.0.0.1:1/graphql") { signingSecret } }',
      allowed: admin,
      expect: pastTheCheck('BAD_USER_INPUT', 'CONFLICT'),
    },
    ...(
      [
        'publishSubgraph(name: "partner-nobody", sdl: "type Query { a: Int }")',
        'rollbackSubgraph(name: "partner-nobody")',
        'removeSubgraph(name: "partner-nobody")',
      ] as const
    ).map((call) => ({
      name: `${call.slice(0, call.indexOf('('))} of an unknown subgraph`,
      operation: `mutation { ${call} { ok } }`,
      allowed: stewards,
      expect: pastTheCheck('NOT_FOUND'),
    })),
    {
      name: 'rotating a partner signing secret',
      operation: 'mutation { rotatePartnerSigningSecret(name: "partner-nobody") { signingSecret } }',
      allowed: stewards,
      expect: pastTheCheck('NOT_FOUND'),
    },
    ...(['publishSubgraph(name: "committees", sdl: "type Query { a: Int }")', 'removeSubgraph(name: "committees")'] as const).map((call) => ({
      name: `${call.slice(0, call.indexOf('('))} of a core subgraph`,
      operation: `mutation { ${call} { ok } }`,
      // The district is told to use the repository (CONFLICT); a partner agency may not touch it.
      allowed: admin,
      expect: pastTheCheck('CONFLICT'),
    })),
  ],
});
