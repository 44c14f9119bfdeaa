// A community's organisations through the gateway: the district dashboard over all 112
// communities at a constant SQL cost, and the consultation committee's members and meetings.
import { demoCommunities, demoStreets, districtDayOf, type TokenClaims } from '@shequ/kit';
import { startTestFederation, type TestFederation } from '@shequ/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';

// Departments without its outbox worker: its demo task funding would otherwise keep arriving in
// committees' ledgers (and SQL statement counts) while these tests run.
const quietDepartments = { ...departments, workers: undefined };

const dashboard = `query($first: Int!) {
  communities(first: $first) {
    edges { node {
      id name population
      street { id name pilot }
      committeeMembers { name position }
      representativeCount
      fundBalanceFen
    } }
  }
}`;

const everything = `query($first: Int!) {
  communities(first: $first) {
    edges { node {
      id street { id }
      committeeMembers { name position termStart candidacy { votes } election { title } }
      representatives { id }
      representativeCount
      electionRounds { stage seats stageHistory { stage } candidates { status votes } }
      consultationMembers { name convener }
      consultationMeetings { title agenda { topic decision } }
      fundBalanceFen fundTotals { category amountFen }
    } }
  }
}`;

interface DashboardNode {
  id: string;
  street: { id: string; name: string } | null;
  committeeMembers: { name: string; position: string }[];
  representativeCount: number;
  fundBalanceFen: number;
}

describe('community organisations', () => {
  let hub: TestFederation;
  beforeAll(async () => {
    hub = await startTestFederation({ subgraphs: [committees, quietDepartments], database: 'pglite' });
  });
  afterAll(() => hub?.close());

  type Ask = (
    query: string,
    variables: Record<string, unknown>,
  ) => Promise<{ data?: { communities: { edges: { node: DashboardNode }[] } } | null; errors?: unknown }>;
  const measure = async (query: string, first: number, ask: Ask = (q, v) => hub.query(q, v)) => {
    const { result, statements } = await hub.subgraphs.committees!.db.queries.measure(() => ask(query, { first }));
    expect(result.errors).toBeUndefined();
    return { nodes: result.data!.communities.edges.map((e) => e.node), statements };
  };

  it('answers the dashboard for all 112 communities: street, committee, representative count — in a constant number of SQL statements', async () => {
    const all = await measure(dashboard, 112);
    expect(all.nodes).toHaveLength(112);
    expect(all.nodes.map((n) => n.id)).toEqual(demoCommunities.map((c) => c.id).sort());
    const streetNames = new Map(demoStreets.map((s) => [s.id, s.name]));
    for (const node of all.nodes) {
      const demo = demoCommunities.find((c) => c.id === node.id)!;
      expect(node.street).toMatchObject({ id: demo.streetId, name: streetNames.get(demo.streetId) });
      expect(node.committeeMembers.map((m) => m.position)).toEqual(['DIRECTOR', 'DEPUTY_DIRECTOR', 'MEMBER', 'MEMBER', 'MEMBER']);
      expect(node.representativeCount).toBe(15);
      expect(node.fundBalanceFen).toBeGreaterThan(0);
    }
    expect(all.nodes.flatMap((n) => n.committeeMembers)).toHaveLength(560);
    // One statement each: communities, serving committees, representative counts, ledger sums.
    expect(all.statements).toBe(4);
    expect((await measure(dashboard, 3)).statements).toBe(all.statements);
  });

  it('keeps the cost constant for the full organisational picture too (elections, consultation, funds)', async () => {
    // Asked of the subgraph directly: through the gateway this query is above the cost limit for 112 communities.
    const direct: Ask = (q, v) => hub.subgraphs.committees!.query(q, v);
    const all = await measure(everything, 112, direct);
    const few = await measure(everything, 5, direct);
    expect(all.nodes).toHaveLength(112);
    expect(few.statements).toBe(all.statements);
    // One statement per field that reads a table, whatever the number of communities.
    expect(all.statements).toBe(13);
  });

  it('keeps the consultation committee: one convener, meetings with agenda, decisions recorded once and only after the meeting', async () => {
    const communityId = 'community-qianjin-02';
    const staff: TokenClaims = { role: 'COMMITTEE_STAFF', communityId, sub: 'staff-qianjin-02' };
    const add = 'mutation($input: AddConsultationMemberInput!) { addConsultationMember(input: $input) { id name constituency convener } }';
    const added = await hub.query(add, { input: { communityId, name: '辖区医院代表', constituency: 'JURISDICTION_UNITS' } }, staff);
    expect(added.data!.addConsultationMember).toMatchObject({ name: '辖区医院代表', constituency: 'JURISDICTION_UNITS', convener: false });
    expect(
      (await hub.query(add, { input: { communityId, name: '第二召集人', constituency: 'RESIDENTS', convener: true } }, staff)).errors?.[0]?.extensions?.code,
    ).toBe('CONFLICT');
    expect(
      (
        await hub.query(
          add,
          { input: { communityId, name: '外人', constituency: 'RESIDENTS' } },
          { role: 'COMMITTEE_STAFF', communityId: 'community-minzu-01' },
        )
      ).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');

    const schedule =
      'mutation($input: ScheduleConsultationMeetingInput!) { scheduleConsultationMeeting(input: $input) { id heldOn agenda { id position topic decision } } }';
    expect((await hub.query(schedule, { input: { communityId, title: '空会', heldOn: '2025-07-01', agenda: [] } }, staff)).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    // Yesterday: after the demo's latest meeting (weeks before the day the demo was seeded).
    const yesterday = districtDayOf(new Date(Date.now() - 86_400_000));
    const held = (await hub.query(schedule, { input: { communityId, title: '近期议事会', heldOn: yesterday, agenda: ['加装电梯', '停车管理'] } }, staff)).data!
      .scheduleConsultationMeeting;
    expect(held.agenda.map((a: { position: number; topic: string }) => [a.position, a.topic])).toEqual([
      [1, '加装电梯'],
      [2, '停车管理'],
    ]);
    const future = (await hub.query(schedule, { input: { communityId, title: '明年议事会', heldOn: '2999-01-01', agenda: ['远期规划'] } }, staff)).data!
      .scheduleConsultationMeeting;

    const decide = 'mutation($input: RecordAgendaDecisionInput!) { recordAgendaDecision(input: $input) { id agenda { position decision } } }';
    const decided = await hub.query(decide, { input: { agendaItemId: held.agenda[0].id, decision: '同意试点' } }, staff);
    expect(decided.data!.recordAgendaDecision.agenda).toEqual([
      { position: 1, decision: '同意试点' },
      { position: 2, decision: null },
    ]);
    expect((await hub.query(decide, { input: { agendaItemId: held.agenda[0].id, decision: '改主意' } }, staff)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await hub.query(decide, { input: { agendaItemId: future.agenda[0].id, decision: '提前决定' } }, staff)).errors?.[0]?.extensions?.code).toBe(
      'CONFLICT',
    );
    expect((await hub.query(decide, { input: { agendaItemId: 'nope', decision: 'x' } }, staff)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const community = await hub.query('query($id: ID!) { community(id: $id) { consultationMembers { name convener } consultationMeetings { title } } }', {
      id: communityId,
    });
    expect(community.data!.community.consultationMembers[0].convener).toBe(true);
    expect(community.data!.community.consultationMembers).toHaveLength(10);
    expect(community.data!.community.consultationMeetings.map((m: { title: string }) => m.title).slice(0, 2)).toEqual(['明年议事会', '近期议事会']);
  });
});
