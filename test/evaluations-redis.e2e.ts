// Two evaluations instances over one PostgreSQL schema, two gateways, events through Redis: a
// subscriber on gateway B sees the ballots cast through gateway A, and the other way round.
import { postgresAvailable, redisAvailable, startReplica, startTestFederation, testRedisUrl, type Replica, type TestFederation } from '@shequ/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';
import evaluations from '../subgraphs/evaluations/src/index.js';
import { accepted, admin, cast, castMutation, levels, openCampaign, rep, WsFeed } from './evaluations-helpers.js';

const ready = (await postgresAvailable()) && (await redisAvailable());
const keys = ['attitude'];

type Live = { evaluationResultChanged: { ballotCount: number; score: number | null; department: { name: string } | null } };
type Progress = { campaignProgress: { ballotsCast: number } };

describe.skipIf(!ready)('live results across two evaluations replicas and two gateways (PostgreSQL + Redis)', () => {
  let hub: TestFederation;
  let b: Replica;
  let id: string;

  beforeAll(async () => {
    hub = await startTestFederation({ subgraphs: [committees, departments, evaluations], database: 'postgres', redisUrl: testRedisUrl });
    b = await startReplica(hub, evaluations, { redisUrl: testRedisUrl });
    id = await openCampaign(hub, {
      targets: [{ kind: 'DEPARTMENT', id: 'dept-public-security' }],
      criteria: [{ key: 'attitude', label: '服务态度', weight: 1 }],
      minBallots: 1,
    });
  });
  afterAll(async () => {
    await b?.close();
    await hub?.close();
  });

  it('a subscriber on gateway B sees a ballot cast through gateway A, with the department name', async () => {
    const feed = new WsFeed<Live>(
      b.url,
      'subscription($c: ID!) { evaluationResultChanged(campaignId: $c) { ballotCount score department { name } } }',
      { c: id },
      await hub.token(admin),
    );
    try {
      await feed.next((e) => e.data?.evaluationResultChanged.ballotCount === 0);
      accepted(await cast(hub, rep('community-minyi-01', 1), id, 'dept-public-security', levels(keys, [4])));
      const event = await feed.next((e) => e.data?.evaluationResultChanged.ballotCount === 1);
      expect(event.data!.evaluationResultChanged).toEqual({ ballotCount: 1, score: 75, department: { name: '公安分局' } });
    } finally {
      await feed.close();
    }
  });

  it('turnout on gateway A counts ballots cast through both gateways', async () => {
    const feed = new WsFeed<Progress>(hub.url, 'subscription($c: ID!) { campaignProgress(campaignId: $c) { ballotsCast } }', { c: id });
    try {
      const start = (await feed.next((e) => Boolean(e.data))).data!.campaignProgress.ballotsCast;
      const voters = [2, 3, 4, 5, 6, 7].map((n) => rep('community-minyi-01', n));
      const answers = await Promise.all(
        voters.map((v, i) =>
          i % 2
            ? cast(hub, v, id, 'dept-public-security', levels(keys, [5]))
            : b.query(castMutation, { c: id, t: 'dept-public-security', l: levels(keys, [5]) }, v),
        ),
      );
      answers.forEach(accepted);
      await feed.next((e) => e.data?.campaignProgress.ballotsCast === start + voters.length);
    } finally {
      await feed.close();
    }
  });
});
