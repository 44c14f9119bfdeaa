// Synthetic evaluation campaigns over the demo district: all its departments, 13 streets and the
// staff sent down to communities (scored by the representatives of the communities they are
// assigned to), with ballots from the demo representatives (15 per community). Deterministic
// (seededRandom): each target has a "true" quality, each ballot scatters around it; some
// comments, some bad reviews. A few staff are newcomers with fewer ballots than a campaign's
// minimum, so that the results show what is hidden below it.
import { randomUUID } from 'node:crypto';
import {
  anonymise,
  demoCommunities,
  demoDepartments,
  demoGovernanceComplaint,
  demoStaffRoster,
  demoStreets,
  representativeId,
  representativesPerCommunity,
  seededRandom,
  type Random,
} from '@shequ/kit';
import type { BallotKeys } from '../domain/ballot-key.js';
import type { TargetKind } from '../domain/scoring.js';

export const demoCriteria = [
  { key: 'attitude', label: '服务态度 Service attitude', weightHundredths: 30 },
  { key: 'efficiency', label: '办事效率 Efficiency', weightHundredths: 30 },
  { key: 'commitments', label: '承诺兑现 Commitments kept', weightHundredths: 20 },
  { key: 'support', label: '支持社区 Support to the community', weightHundredths: 20 },
];

const praise = ['办事效率高，态度热情', '社区活动支持到位', '上门服务很及时', '公示信息清楚，承诺都兑现了', '工作人员耐心细致', '下沉社区的同志常来常往'];
const neutral = ['总体还可以，希望加强沟通', '基本满意，个别事项办理偏慢', '希望多听听居民意见'];

interface DemoTarget {
  targetId: string;
  kind: TargetKind;
  /** Whose representatives may score it. */
  communities: string[];
  /** Arrived late in the period: at most this many ballots, below any campaign's minimum. */
  ballotCap?: number;
}

/** The demo campaigns' minimum ballot count (the schema's default). */
export const demoMinBallots = 5;
/** Every this-many-th assigned staff member is a newcomer. */
const newcomerEvery = 15;

const assignedStaff = demoStaffRoster().filter((m) => m.communityIds.length > 0);

export const demoTargets: DemoTarget[] = [
  ...demoDepartments.map((d) => ({ targetId: d.id, kind: 'DEPARTMENT' as const, communities: demoCommunities.map((c) => c.id) })),
  ...demoStreets.map((s) => ({ targetId: s.id, kind: 'STREET' as const, communities: demoCommunities.filter((c) => c.streetId === s.id).map((c) => c.id) })),
  ...assignedStaff.map((m, i) => ({
    targetId: m.id,
    kind: 'STAFF' as const,
    communities: m.communityIds,
    ...(i % newcomerEvery === newcomerEvery - 1 ? { ballotCap: 1 + (i % (demoMinBallots - 1)) } : {}),
  })),
];

function level(random: Random, quality: number): number {
  const noise = (random.next() + random.next() + random.next() - 1.5) * 1.6;
  return Math.min(5, Math.max(1, Math.round(quality + noise)));
}

function comment(random: Random, levels: number[]): string | null {
  if (!random.chance(0.12)) return null;
  const mean = levels.reduce((a, b) => a + b, 0) / levels.length;
  // Bad reviews' comments end up in rectification cases: composed, not picked from a handful.
  return anonymise(mean >= 3.8 ? random.pick(praise) : mean >= 3 ? random.pick(neutral) : demoGovernanceComplaint(random));
}

export interface DemoBallot {
  id: string;
  campaignId: string;
  targetId: string;
  communityId: string;
  voterKey: string;
  levels: number[];
  comment: string | null;
}

/** Ballots of a campaign where each eligible representative voted with a chance of about `share`. */
export function demoBallots(campaignId: string, share: number, { voterKey }: BallotKeys): DemoBallot[] {
  const random = seededRandom(`evaluations:${campaignId}`);
  const ballots: DemoBallot[] = [];
  for (const target of demoTargets) {
    const quality = 2.9 + random.next() * 1.8;
    let cast = 0;
    for (const communityId of target.communities) {
      // Turnout differs between communities, as it does between assemblies.
      const communityShare = Math.min(0.95, Math.max(0.05, share + (random.next() - 0.5) * 0.4));
      for (let n = 1; n <= representativesPerCommunity; n++) {
        if (!random.chance(communityShare) || cast >= (target.ballotCap ?? Infinity)) continue;
        cast++;
        const levels = demoCriteria.map(() => level(random, quality));
        const rep = representativeId(communityId, n);
        ballots.push({
          id: randomUUID(),
          campaignId,
          targetId: target.targetId,
          communityId,
          voterKey: voterKey(campaignId, rep, target.targetId),
          levels,
          comment: comment(random, levels),
        });
      }
    }
  }
  return ballots;
}
