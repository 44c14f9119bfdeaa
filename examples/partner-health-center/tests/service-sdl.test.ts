import { describe, expect, it } from 'vitest';
import { isServiceSdlQuery } from '../src/service-sdl.js';

describe('isServiceSdlQuery: the only request answered unsigned', () => {
  it.each([
    '{ _service { sdl } }',
    'query { _service { sdl } }',
    'query __ApolloGetServiceDefinition__ { _service { sdl } }',
    '\n  {\n    _service {\n      sdl\n    }\n  }\n',
  ])('allows %j', (query) => expect(isServiceSdlQuery(query)).toBe(true));

  it.each([
    '{ healthCenterClinics { name } }',
    '{ _service { sdl } healthCenterClinics { name } }',
    '{ _service { sdl __typename } }',
    '{ _service { sdl } } query Other { healthCenterClinics { name } }',
    '{ _service { ...F } } fragment F on _Service { sdl }',
    '{ _service { ... on _Service { sdl } } }',
    '{ s: _service { sdl } }',
    '{ _service { sdl } __schema { types { name } } }',
    '{ _entities(representations: [{ __typename: "Community", id: "community-minzu-01" }]) { __typename } }',
    'query ($x: Boolean!) { _service @include(if: $x) { sdl } }',
    'mutation { _service { sdl } }',
    'subscription { _service { sdl } }',
    '{ _service { sdl }',
    `{ _service { sdl } ${' '.repeat(600)}}`,
    '',
  ])('refuses %j', (query) => expect(isServiceSdlQuery(query)).toBe(false));

  it.each([undefined, null, 42, { query: '{ _service { sdl } }' }])('refuses a query that is not a string (%j)', (query) => {
    expect(isServiceSdlQuery(query)).toBe(false);
  });
});
