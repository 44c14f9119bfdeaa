// Demo jurisdiction units (辖区单位) of every community with their agreements and contributions.
// Built here once because two subgraphs show them: party keeps the contributions, and every
// MONEY contribution is a DONATION in the community's funds ledger that committees keeps. Both
// seeds derive their rows from this generator, so they agree on every amount, donor and day.
import { addDays, daysBetween, demoLedgerOpening } from './calendar.js';
import type { DemoCommunity } from './jianghan.js';
import { seededRandom, type Random } from './random.js';

export type DemoUnitKind = 'ENTERPRISE' | 'STATE_ENTERPRISE' | 'PUBLIC_INSTITUTION' | 'GOVERNMENT_AGENCY' | 'SCHOOL' | 'HOSPITAL' | 'SOCIAL_ORGANIZATION';
export type DemoResource = 'ROOMS' | 'EQUIPMENT' | 'MONEY' | 'STAFF_TIME' | 'GOODS' | 'SERVICES';

export interface DemoUnit {
  id: string;
  communityId: string;
  name: string;
  kind: DemoUnitKind;
  address: string;
  partnerId: string | null;
}

export interface DemoAgreement {
  id: string;
  unitId: string;
  title: string;
  resources: DemoResource[];
  signedOn: Date;
  validUntil: Date | null;
}

export interface DemoContribution {
  id: string;
  unitId: string;
  agreementId: string;
  kind: DemoResource;
  description: string;
  valueFen: number;
  contributedOn: Date;
}

/** A MONEY contribution as the community's ledger books it. */
export interface DemoDonation {
  contributionId: string;
  communityId: string;
  donor: string;
  amountFen: number;
  purpose: string;
  on: Date;
}

const slug = (communityId: string) => communityId.replace(/^community-/, '');
export const demoUnitId = (communityId: string, n: number) => `unit-${slug(communityId)}-${n}`;
/** The partner id a unit's own staff sign in with (role PARTNER). */
export const demoPartnerId = (unitId: string) => `partner-${unitId}`;
/** The unit that gave its community over 100,000 yuan (the source's example). */
export const demoBigDonorId = demoUnitId('community-minzu-01', 1);
/** The outbox event id of a contribution's donation: party writes it, committees books it once. */
export const donationEventId = (contributionId: string) => `donation-${contributionId}`;
export const donationReference = (contributionId: string) => `contribution:${contributionId}`;

const templates: [DemoUnitKind, string, DemoResource[]][] = [
  ['ENTERPRISE', '商贸有限公司', ['MONEY', 'GOODS']],
  ['ENTERPRISE', '物业服务有限公司', ['STAFF_TIME', 'EQUIPMENT', 'SERVICES']],
  ['ENTERPRISE', '科技有限公司', ['MONEY', 'EQUIPMENT']],
  ['STATE_ENTERPRISE', '供电营业所', ['STAFF_TIME', 'SERVICES']],
  ['STATE_ENTERPRISE', '银行支行', ['MONEY', 'ROOMS']],
  ['PUBLIC_INSTITUTION', '文化馆分馆', ['ROOMS', 'EQUIPMENT']],
  ['GOVERNMENT_AGENCY', '税务所', ['ROOMS', 'STAFF_TIME']],
  ['SCHOOL', '小学', ['ROOMS', 'STAFF_TIME']],
  ['SCHOOL', '中学', ['ROOMS', 'EQUIPMENT', 'STAFF_TIME']],
  ['HOSPITAL', '社区卫生服务中心', ['SERVICES', 'STAFF_TIME']],
  ['SOCIAL_ORGANIZATION', '慈善协会', ['MONEY', 'GOODS', 'SERVICES']],
];

const what: Record<DemoResource, string> = {
  ROOMS: '提供活动场地',
  EQUIPMENT: '提供设备',
  MONEY: '捐资支持社区公益项目',
  STAFF_TIME: '派员参与社区服务',
  GOODS: '捐赠物资',
  SERVICES: '开展便民服务',
};

/** Templates in a random order, each used once: no two units of a community share a name. */
function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const pool = [...items];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool;
}

const dayIn = (random: Random, from: Date, to: Date) => addDays(from, random.int(0, Math.max(0, daysBetween(from, to))));

/**
 * 3-6 units per community, each with one agreement and 2-5 contributions of 1,000-15,000 yuan
 * on days inside the agreement's validity since the ledger opened; the big donor also gave
 * 108,000 yuan for the elderly centre. `reference` is the demo's reference day.
 */
export function demoCoConstruction(community: DemoCommunity, reference: Date) {
  const random = seededRandom(`co-construction:${community.id}`);
  const opening = demoLedgerOpening(reference);
  const stem = community.name.replace(/社区$/, '');
  const units: DemoUnit[] = [];
  const agreements: DemoAgreement[] = [];
  const contributions: DemoContribution[] = [];
  const count = random.int(3, 6);
  // The big donor is a trading company; the others' kinds are drawn without repeats.
  const hasBigDonor = demoUnitId(community.id, 1) === demoBigDonorId;
  const queue = hasBigDonor ? [templates[0]!, ...shuffled(random, templates.slice(1))] : shuffled(random, templates);
  for (let n = 1; n <= count; n++) {
    const id = demoUnitId(community.id, n);
    const bigDonor = id === demoBigDonorId;
    const [kind, suffix, shares] = queue[n - 1]!;
    units.push({
      id,
      communityId: community.id,
      name: `江汉${stem}${suffix}`,
      kind,
      address: `${stem}路${random.int(1, 300)}号`,
      partnerId: n === 1 ? demoPartnerId(id) : null,
    });
    const agreementId = `${id}-agreement`;
    // Signed up to two years before the ledger opened and at least eight months before today;
    // three to five years, or open-ended: every agreement is in force for a while since the opening.
    const signedOn = bigDonor ? addDays(opening, -200) : dayIn(random, addDays(opening, -730), addDays(reference, -240));
    const years = random.chance(0.2) ? null : random.int(3, 5);
    const validUntil = years === null ? null : new Date(Date.UTC(signedOn.getUTCFullYear() + years, signedOn.getUTCMonth(), signedOn.getUTCDate()));
    agreements.push({ id: agreementId, unitId: id, title: `${stem}社区共驻共建协议`, resources: shares, signedOn, validUntil });
    // biome-ignore lint/complexity/useMathMinMax: dates, not numbers: Math.max would give a number
    const from = signedOn > opening ? signedOn : opening;
    const to = validUntil && validUntil < reference ? validUntil : reference;
    const given = random.int(2, 5);
    for (let c = 1; c <= given; c++) {
      const resource = random.pick(shares);
      contributions.push({
        id: `${id}-c${c}`,
        unitId: id,
        agreementId,
        kind: resource,
        description: what[resource],
        valueFen: random.int(1_000, 15_000) * 100,
        contributedOn: dayIn(random, from, to),
      });
    }
    if (bigDonor) {
      contributions.push({
        id: `${id}-c0`,
        unitId: id,
        agreementId,
        kind: 'MONEY',
        description: '捐资建设社区老年活动中心',
        valueFen: 10_800_000,
        contributedOn: addDays(opening, 250),
      });
    }
  }
  contributions.sort((a, b) => a.contributedOn.getTime() - b.contributedOn.getTime() || a.id.localeCompare(b.id));
  return { units, agreements, contributions };
}

/** The community's MONEY contributions as donations in its ledger, oldest first. */
export function demoDonations(community: DemoCommunity, reference: Date): DemoDonation[] {
  const { units, contributions } = demoCoConstruction(community, reference);
  const names = new Map(units.map((u) => [u.id, u.name]));
  return contributions
    .filter((c) => c.kind === 'MONEY')
    .map((c) => ({
      contributionId: c.id,
      communityId: community.id,
      donor: names.get(c.unitId)!,
      amountFen: c.valueFen,
      purpose: `共驻共建：${c.description}`,
      on: c.contributedOn,
    }));
}
