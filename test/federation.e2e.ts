// The walking skeleton through the gateway: a query across committees and departments, partial
// data when a subgraph is down, and recovery when it comes back.
import { demoCommunities, demoStreets } from '@shequ/kit';
import { describeOnEachDatabase, startTestFederation, type TestFederation } from '@shequ/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';

const streetsQuery = '{ streets { id name nameEn communities { id name } } }';

await describeOnEachDatabase('federation', (database) => {
  let hub: TestFederation;
  beforeAll(async () => {
    // The response cache off: a cached whole answer would hide the subgraph going down.
    hub = await startTestFederation({ subgraphs: [committees, departments], database, gateway: { security: { responseCache: { ttlMs: 0 } } } });
  });
  afterAll(() => hub?.close());

  it('answers streets with their communities across both subgraphs: 13 streets, 112 communities', async () => {
    const res = await hub.query<{ streets: { id: string; name: string; communities: { id: string }[] }[] }>(streetsQuery);
    expect(res.errors).toBeUndefined();
    expect(res.data!.streets).toHaveLength(13);
    expect(res.data!.streets.flatMap((s) => s.communities)).toHaveLength(112);
    const minzu = res.data!.streets.find((s) => s.id === 'street-minzu')!;
    expect(minzu.name).toBe('民族街道');
    expect(minzu.communities.map((c) => c.id)).toEqual(demoCommunities.filter((c) => c.streetId === 'street-minzu').map((c) => c.id));
  });

  it("resolves a community's street from the other subgraph", async () => {
    const res = await hub.query('{ community(id: "community-hanxing-03") { name street { name nameEn pilot } } }');
    expect(res.data).toEqual({
      community: {
        name: demoCommunities.find((c) => c.id === 'community-hanxing-03')!.name,
        street: { name: '汉兴街道', nameEn: 'Hanxing Street', pilot: false },
      },
    });
  });

  it('when committees is down: streets still arrive, with an error naming the subgraph; back up, all is whole again', async () => {
    await hub.subgraphs.committees!.stopServer();
    try {
      const res = await hub.query<{ streets: { id: string; communities: unknown }[] }>(streetsQuery);
      expect(res.data?.streets).toHaveLength(demoStreets.length);
      expect(res.data!.streets.every((s) => s.communities === null)).toBe(true);
      expect(res.errors?.length).toBeGreaterThan(0);
      const error = res.errors![0]!;
      expect(error.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
      expect(error.extensions?.subgraph).toBe('committees');
      expect(error.message).toMatch(/committees/);
      expect(error.message).not.toMatch(/Unexpected error/);
    } finally {
      await hub.subgraphs.committees!.restartServer();
    }
    const again = await hub.query<{ streets: { communities: unknown[] }[] }>(streetsQuery);
    expect(again.errors).toBeUndefined();
    expect(again.data!.streets.flatMap((s) => s.communities)).toHaveLength(112);
  });

  it('rejects an invalid query with a GraphQL validation error, not a 5xx', async () => {
    const res = await hub.query('{ streets { doesNotExist } }');
    expect(res.status).toBeLessThan(500);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
