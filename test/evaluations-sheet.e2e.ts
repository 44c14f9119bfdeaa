// Ballot sheets through the gateway: one representative's ballots on many targets in one mutation,
// all or nothing, idempotent, under the rules of single ballots; and, after concurrent sheets, the
// stored per-target tallies equal a recomputation from the ballots. On PGlite and on PostgreSQL.
import { describeOnEachDatabase, startTestFederation, type TestFederation } from '@shequ/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';
import type { DB } from '../subgraphs/evaluations/src/db.js';
import { tallyMismatches } from '../subgraphs/evaluations/src/domain/tally-check.js';
import evaluations from '../subgraphs/evaluations/src/index.js';
import { accepted, admin, castSheet, codeOf, levels, openCampaign, rep, type SheetBallot } from './evaluations-helpers.js';

const keys = ['attitude', 'efficiency'];
const criteria = [
  { key: 'attitude', label: '服务态度', weight: 3 },
  { key: 'efficiency', label: '办事效率', weight: 2 },
];
const countsQuery = `query($id: ID!) { campaign(id: $id) { progress { ballotsCast } results { targetId ballotCount } } }`;

await describeOnEachDatabase('ballot sheets', (database) => {
  let hub: TestFederation;
  let id: string;
  const sheet = (a: number, b: number, c: number): SheetBallot[] => [
    { targetId: 'dept-health', levels: levels(keys, [a, a]) },
    { targetId: 'dept-culture', levels: levels(keys, [b, b]), comment: '还不错' },
    { targetId: 'street-minzu', levels: levels(keys, [c, c]) },
  ];
  const counts = async () => {
    const res = await hub.query<{ campaign: { progress: { ballotsCast: number }; results: { targetId: string; ballotCount: number }[] } }>(
      countsQuery,
      { id },
      admin,
    );
    accepted(res);
    return { cast: res.data!.campaign.progress.ballotsCast, ...Object.fromEntries(res.data!.campaign.results.map((r) => [r.targetId, r.ballotCount])) };
  };

  beforeAll(async () => {
    hub = await startTestFederation({ subgraphs: [committees, departments, evaluations], database, gateway: { security: { subgraphTimeoutMs: 60_000 } } });
    id = await openCampaign(hub, {
      targets: [
        { kind: 'DEPARTMENT', id: 'dept-health' },
        { kind: 'DEPARTMENT', id: 'dept-culture' },
        { kind: 'STREET', id: 'street-minzu' },
      ],
      criteria,
      minBallots: 1,
    });
  });
  afterAll(() => hub?.close());

  it('accepts a sheet through the gateway: one receipt per ballot, each counted', async () => {
    const res = await castSheet(hub, rep('community-minzu-01', 1), id, sheet(4, 5, 3), 'sheet-happy-1');
    accepted(res);
    expect(res.data!.castBallotSheet).toEqual([
      { targetId: 'dept-health', targetKind: 'DEPARTMENT', replacedPrevious: false },
      { targetId: 'dept-culture', targetKind: 'DEPARTMENT', replacedPrevious: false },
      { targetId: 'street-minzu', targetKind: 'STREET', replacedPrevious: false },
    ]);
    expect(await counts()).toMatchObject({ cast: 3, 'dept-health': 1, 'dept-culture': 1, 'street-minzu': 1 });
    // A second sheet of the same voter replaces their ballots, as single ballots do.
    const again = await castSheet(hub, rep('community-minzu-01', 1), id, sheet(2, 2, 2).slice(0, 2), 'sheet-happy-2');
    accepted(again);
    expect(again.data!.castBallotSheet.map((r) => r.replacedPrevious)).toEqual([true, true]);
    expect(await counts()).toMatchObject({ cast: 3 });
  });

  it('stores nothing when one ballot is bad, and names that ballot', async () => {
    const before = await counts();
    const badLevel = sheet(4, 4, 4);
    badLevel[1]!.levels = levels(keys, [4, 9]);
    const bad = await castSheet(hub, rep('community-minzu-01', 2), id, badLevel, 'sheet-bad-level');
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.message).toMatch(/^Ballot 2 \(dept-culture\)/);
    expect(bad.errors![0]!.extensions).toMatchObject({ ballot: 1, targetId: 'dept-culture' });
    // The street is scored only by its own communities: the same rule as castBallot, on the third ballot.
    const outsider = await castSheet(hub, rep('community-hualou-01', 1), id, sheet(4, 4, 4), 'sheet-outsider');
    expect(codeOf(outsider)).toBe('FORBIDDEN');
    expect(outsider.errors![0]!.message).toMatch(/^Ballot 3 \(street-minzu\).*own communities/);
    const twice = await castSheet(hub, rep('community-minzu-01', 2), id, [...sheet(4, 4, 4), sheet(1, 1, 1)[0]!], 'sheet-twice');
    expect(codeOf(twice)).toBe('BAD_USER_INPUT');
    const unknown = await castSheet(
      hub,
      rep('community-minzu-01', 2),
      id,
      [...sheet(4, 4, 4), { targetId: 'dept-nowhere', levels: levels(keys, [3, 3]) }],
      'sheet-unknown',
    );
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors![0]!.message).toMatch(/^Ballot 4 \(dept-nowhere\)/);
    expect(await counts()).toEqual(before);
  });

  it('answers a retry with the same key and sheet as the first time, counting nothing twice', async () => {
    const voter = rep('community-minzu-01', 3);
    const before = await counts();
    // The first answer is lost (as when the connection drops): the retry says it counted.
    void (await castSheet(hub, voter, id, sheet(5, 4, 3), 'sheet-retry-1'));
    const retry = await castSheet(hub, voter, id, sheet(5, 4, 3), 'sheet-retry-1');
    accepted(retry);
    expect(retry.data!.castBallotSheet.map((r) => [r.targetId, r.replacedPrevious])).toEqual([
      ['dept-health', false],
      ['dept-culture', false],
      ['street-minzu', false],
    ]);
    expect((await counts()).cast).toBe(before.cast + 3);
    // Concurrent twins of one request count once too.
    const twins = await Promise.all([1, 2, 3].map(() => castSheet(hub, voter, id, sheet(1, 2, 3), 'sheet-retry-2')));
    for (const t of twins) accepted(t);
    for (const t of twins) expect(t.data!.castBallotSheet.map((r) => r.replacedPrevious)).toEqual([true, true, true]);
    expect((await counts()).cast).toBe(before.cast + 3);
    expect(await tallyMismatches(hub.subgraphs.evaluations!.db.prisma as unknown as DB, id)).toEqual([]);
  });

  it('rejects the same key with a different sheet as a CONFLICT', async () => {
    const voter = rep('community-minzu-01', 4);
    accepted(await castSheet(hub, voter, id, sheet(5, 5, 5), 'sheet-conflict'));
    const before = await counts();
    const other = await castSheet(hub, voter, id, sheet(5, 5, 4), 'sheet-conflict');
    expect(codeOf(other)).toBe('CONFLICT');
    expect(other.errors![0]!.extensions).toMatchObject({ field: 'idempotencyKey' });
    expect(await counts()).toEqual(before);
  });

  it('takes sheets only from representatives', async () => {
    expect(codeOf(await castSheet(hub, admin, id, sheet(4, 4, 4), 'sheet-admin'))).toBe('FORBIDDEN');
    expect(
      codeOf(await hub.query('mutation($c: ID!) { castBallotSheet(campaignId: $c, ballots: [], idempotencyKey: "sheet-anonymous") { targetId } }', { c: id })),
    ).toBe('UNAUTHENTICATED');
    expect(codeOf(await castSheet(hub, rep('community-minzu-01', 5), id, [], 'sheet-empty'))).toBe('BAD_USER_INPUT');
  });

  it('counts concurrent sheets of the same voters exactly (each replaces the other), and a retry after the close still says it counted', async () => {
    const voters = Array.from({ length: 10 }, (_, i) => rep(`community-minzu-0${1 + (i % 5)}`, 11 + Math.floor(i / 5)));
    const send = (i: number, round: number) =>
      castSheet(hub, voters[i]!, id, sheet(1 + ((i + round) % 5), 1 + ((i * 3 + round) % 5), 1 + ((i * 7) % 5)), `sheet-same-voter-${i}-${round}`);
    const before = await counts();
    const answers = await Promise.all(voters.flatMap((_, i) => [send(i, 0), send(i, 1)]));
    for (const a of answers) accepted(a);
    // Two sheets of one voter: whichever came second replaced the first one's ballots.
    expect((await counts()).cast).toBe(before.cast + 30);
    expect(await tallyMismatches(hub.subgraphs.evaluations!.db.prisma as unknown as DB, id)).toEqual([]);
    const closing = await openCampaign(hub, { targets: [{ kind: 'DEPARTMENT', id: 'dept-health' }], criteria, minBallots: 1 });
    const voter = rep('community-minzu-02', 14);
    const one = [{ targetId: 'dept-health', levels: levels(keys, [4, 4]) }];
    accepted(await castSheet(hub, voter, closing, one, 'sheet-before-close'));
    accepted(await hub.query('mutation($id: ID!) { closeCampaign(id: $id) { status } }', { id: closing }, admin));
    // The voter whose answer was lost asks again after the close: counted, once.
    const retry = await castSheet(hub, voter, closing, one, 'sheet-before-close');
    accepted(retry);
    expect(retry.data!.castBallotSheet.map((r) => r.replacedPrevious)).toEqual([false]);
    expect(codeOf(await castSheet(hub, voter, closing, one, 'sheet-after-close'))).toBe('CONFLICT');
    const closed = await hub.query<{ campaign: { progress: { ballotsCast: number } } }>(
      'query($id: ID!) { campaign(id: $id) { progress { ballotsCast } } }',
      { id: closing },
      admin,
    );
    expect(closed.data!.campaign.progress.ballotsCast).toBe(1);
  });

  it('counts 20 concurrent sheets exactly: the stored tallies equal a recomputation from the ballots', async () => {
    const voters = Array.from({ length: 20 }, (_, i) => rep(`community-minzu-0${1 + (i % 5)}`, 6 + Math.floor(i / 5)));
    const before = await counts();
    const send = (i: number) => castSheet(hub, voters[i]!, id, sheet(1 + (i % 5), 1 + ((i * 3) % 5), 1 + ((i * 7) % 5)), `sheet-concurrent-${i}`);
    const answers = await Promise.all(voters.map((_, i) => send(i)));
    // A busy database is retryable, nothing recorded: the client asks again with the same key.
    for (let round = 0; round < 5; round++) {
      const busy = answers.flatMap((a, i) => (a.errors?.every((e) => e.extensions?.retryable === true) ? [i] : []));
      if (busy.length === 0) break;
      const again = await Promise.all(busy.map(send));
      busy.forEach((i, k) => {
        answers[i] = again[k]!;
      });
    }
    for (const a of answers) accepted(a);
    expect((await counts()).cast).toBe(before.cast + 60);
    expect(await tallyMismatches(hub.subgraphs.evaluations!.db.prisma as unknown as DB, id)).toEqual([]);
  });
});
