// The partner joins the hub: its SDL, as the running server gives it to the hub's CLI, composes
// with the core subgraphs (schema/*.graphql) and passes the registry's partner policy.
import { readdirSync, readFileSync } from 'node:fs';
import { compose, type SubgraphSource } from '@shequ/kit/federation/supergraph';
import { policyFindings } from '@shequ/subgraph-registry/domain/policy';
import { buildSchema, parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHealthCenter, type HealthCenter } from '../src/server.js';
import { post, silentLog } from './helpers.js';

const schemaDir = new URL('../../../schema/', import.meta.url);
const core: SubgraphSource[] = readdirSync(schemaDir)
  .filter((f) => f.endsWith('.graphql') && f !== 'supergraph.graphql')
  .map((f) => ({ name: f.replace(/\.graphql$/, ''), url: `http://127.0.0.1/${f}`, sdl: readFileSync(new URL(f, schemaDir), 'utf8') }));

let server: HealthCenter;
let partner: SubgraphSource;
beforeAll(async () => {
  server = await startHealthCenter({ port: 0, signingSecret: 'federation-test', log: silentLog });
  const res = await post(server.url, { query: '{ _service { sdl } }' });
  partner = { name: 'health-center', url: server.url, sdl: res.json?.data._service.sdl };
});
afterAll(() => server.close());

describe('joining the hub', () => {
  it('passes the registry’s partner policy', () => {
    expect(core.map((c) => c.name)).toContain('committees');
    expect(policyFindings(partner, core, [])).toEqual([]);
  });

  it('composes with the core subgraphs, so the README’s query is valid through the gateway', () => {
    const composed = compose([...core, partner]);
    if (!composed.ok) throw new Error(composed.errors.map((e) => `[${e.code}] ${e.message}`).join('\n'));
    const api = buildSchema(composed.publicSdl);
    const readmeQuery = parse('{ community(id: "community-minzu-01") { name clinics { name openingHours } vaccinationRate } }');
    expect(validate(api, readmeQuery)).toEqual([]);
    expect(validate(api, parse('{ healthCenterClinics(communityId: "community-minzu-01") { name address } }'))).toEqual([]);
  });
});
