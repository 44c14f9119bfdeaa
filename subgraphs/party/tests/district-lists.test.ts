// The district-wide entry points (types/district-lists.ts): Relay pages over every community,
// a constant number of SQL statements per page, and personal data still behind its own checks.
import { demoCommunities } from '@shequ/kit';
import { startTestSubgraph, type TestSubgraph } from '@shequ/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../src/db.js';
import party from '../src/index.js';

type Page<T> = { edges: { cursor: string; node: T }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

describe('district-wide lists on pglite', () => {
  let sg: TestSubgraph<DB>;
  beforeAll(async () => {
    sg = await startTestSubgraph({ ...party, workers: undefined }, 'pglite');
  });
  afterAll(() => sg?.dispose());

  const organizations = `query($first: Int, $after: String) { districtPartyOrganizations(first: $first, after: $after) {
    edges { cursor node { id kind memberCount community { id } members { name } } } pageInfo { hasNextPage endCursor } } }`;

  it("pages through every community's party organisation once, in order", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: { data?: { districtPartyOrganizations: Page<{ id: string; community: { id: string } }> } | null; errors?: unknown } = await sg.query(
        organizations,
        { first: 40, after },
        { role: 'DISTRICT_ADMIN' },
      );
      expect(res.errors).toBeUndefined();
      const page: Page<{ id: string; community: { id: string } }> = res.data!.districtPartyOrganizations;
      seen.push(...page.edges.map((e) => e.node.community.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(demoCommunities.length);
    expect(new Set(seen).size).toBe(demoCommunities.length);
    expect(seen).toEqual([...seen].sort());
  });

  it('answers a small or a full page with everything nested in the same number of SQL statements', async () => {
    const few = await sg.db.queries.measure(() => sg.query(organizations, { first: 5 }, { role: 'DISTRICT_ADMIN' }));
    const many = await sg.db.queries.measure(() => sg.query(organizations, { first: 100 }, { role: 'DISTRICT_ADMIN' }));
    expect(many.result.errors).toBeUndefined();
    expect(many.statements).toBe(few.statements);
    const units =
      '{ districtCoConstructionUnits(first: FIRST) { edges { node { id contributionTotalFen contributions { valueFen } } } } districtVolunteerTeams(first: FIRST) { edges { node { id memberCount } } } districtActivities(first: FIRST, kind: VOLUNTEER_SERVICE) { edges { node { id participantCount team { id } } } } }';
    const a = await sg.db.queries.measure(() => sg.query(units.replaceAll('FIRST', '20')));
    const b = await sg.db.queries.measure(() => sg.query(units.replaceAll('FIRST', '200')));
    expect(b.result.errors).toBeUndefined();
    expect(b.statements).toBe(a.statements);
  });

  it("shows the lists to anyone, like the per-community ones, but party members' names only to officers and district administrators", async () => {
    const anonymous = await sg.query<{ districtPartyOrganizations: Page<{ members: { name: string | null }[] }> }>(organizations, { first: 3 });
    expect(anonymous.errors).toBeUndefined();
    const names = anonymous.data!.districtPartyOrganizations.edges.flatMap((e) => e.node.members.map((m) => m.name));
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n === null)).toBe(true);
    const admin = await sg.query<{ districtPartyOrganizations: Page<{ members: { name: string | null }[] }> }>(
      organizations,
      { first: 3 },
      { role: 'DISTRICT_ADMIN' },
    );
    expect(admin.data!.districtPartyOrganizations.edges.flatMap((e) => e.node.members.map((m) => m.name)).every((n) => typeof n === 'string')).toBe(true);
  });

  it('lists activities latest first, filtered by kind, and never serves a page above its maximum of 200', async () => {
    const res = await sg.query<{ districtActivities: Page<{ kind: string; startsAt: string }> }>(
      '{ districtActivities(first: 50, kind: VOLUNTEER_SERVICE) { edges { node { kind startsAt } } pageInfo { hasNextPage } } }',
    );
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.districtActivities.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((n) => n.kind === 'VOLUNTEER_SERVICE')).toBe(true);
    const times = nodes.map((n) => Date.parse(n.startsAt));
    expect(times).toEqual([...times].sort((x, y) => y - x));
    const big = await sg.query<{ districtVolunteerTeams: Page<unknown> }>(
      '{ districtVolunteerTeams(first: 1000) { edges { cursor } pageInfo { hasNextPage } } }',
    );
    expect(big.errors).toBeUndefined();
    expect(big.data!.districtVolunteerTeams.edges.length).toBeLessThanOrEqual(200);
  });
});
