// The demo service network: tenders in every state with their bids, and a service point with
// notices for every awarded tender. Dates count back from `today`. The points' commitments are
// the departments subgraph's demo (built from this same network there).
import { demoCommunities, demoStreets, seededRandom } from '@shequ/kit';
import type { Prisma } from '../generated/prisma/client.js';
import type { TenderStatus } from '../generated/prisma/enums.js';
import { priceLabel } from '../catalogue-rules.js';
import { demoItems, type DemoItem } from './catalogue.js';
import { demoProviders } from './providers.js';
import { communityById, communityCentre, days, near, pad, streetById } from './places.js';

type Plan = TenderStatus | 'EXPIRED';
// 44 running contracts, 4 that have ended, and tenders still in progress or withdrawn.
const plan: Plan[] = [
  ...Array<Plan>(44).fill('AWARDED'),
  ...Array<Plan>(4).fill('EXPIRED'),
  ...Array<Plan>(8).fill('OPEN'),
  ...Array<Plan>(6).fill('CLOSED'),
  ...Array<Plan>(5).fill('CANCELLED'),
];
const streetLevelAwards = 8;
const hoursOptions = ['Mo-Fr 08:30-17:30', 'Mo-Fr 08:30-17:30; Sa 09:00-12:00', 'Mo-Su 08:00-20:00', 'Mo-Sa 09:00-18:00', 'Mo-Fr 08:00-12:00,14:00-18:00'];
const cancelReasons = ['少于三家有效投标，流标 (fewer than three valid bids)', '服务需求调整，重新招标 (requirements changed; to be re-tendered)'];
const pilotCommunities = demoCommunities.filter((c) => demoStreets.find((s) => s.id === c.streetId)?.pilot);

export interface DemoNetwork {
  tenders: Prisma.TenderCreateManyInput[];
  bids: Prisma.TenderBidCreateManyInput[];
  points: Prisma.ServicePointCreateManyInput[];
  notices: Prisma.ServicePointNoticeCreateManyInput[];
}

export function demoNetwork(today: Date): DemoNetwork {
  const random = seededRandom('services-network');
  const out: DemoNetwork = { tenders: [], bids: [], points: [], notices: [] };
  const taken = new Set<string>();
  const resident = demoItems.filter((i) => i.tier !== 'SOCIALISED');
  const socialised = demoItems.filter((i) => i.tier === 'SOCIALISED');
  const at = (dayOffset: number) => new Date(today.getTime() + days(dayOffset));

  const scopes: { status: Plan; street: boolean }[] = [
    ...plan.map((status) => ({ status, street: false })),
    ...Array.from({ length: streetLevelAwards }, () => ({ status: 'AWARDED' as Plan, street: true })),
  ];
  scopes.forEach(({ status, street }, i) => {
    // Most community tenders come from the three pilot streets, which tendered first.
    let item: DemoItem, scopeId: string;
    do {
      item = random.pick(street ? socialised : resident);
      scopeId = street ? random.pick(demoStreets).id : random.pick(random.chance(0.6) ? pilotCommunities : demoCommunities).id;
    } while (taken.has(`${scopeId}/${item.id}`));
    taken.add(`${scopeId}/${item.id}`);
    const n = i + 1;
    const id = `tender-demo-${pad(n)}`;
    const place = street ? streetById.get(scopeId)!.name : communityById.get(scopeId)!.name;
    const budgetFen = random.int(8, 60) * 1_000_000;
    const dates = tenderDates(status, random, at);
    const bidders = random.int(...bidRange[status]);
    const relevant = demoProviders.filter((p) => p.series.includes(item.code.split('-')[0]!));
    const others = demoProviders.filter((p) => !relevant.includes(p));
    const shuffled = <T>(xs: T[]) =>
      xs
        .map((x) => ({ x, key: random.next() }))
        .sort((a, b) => a.key - b.key)
        .map(({ x }) => x);
    const providers = [...shuffled(relevant), ...shuffled(others)].slice(0, bidders);
    const scored = status === 'AWARDED' || status === 'EXPIRED' || (status === 'CLOSED' && random.chance(0.5));
    const bids = providers.map((p, k) => ({
      id: `bid-demo-${pad(n)}-${k + 1}`,
      tenderId: id,
      providerId: p.id,
      priceFen: Math.round((budgetFen * (0.78 + random.next() * 0.21)) / 100) * 100,
      proposal: `${p.name}：${item.name}服务方案，配备专职人员，按公示标准收费。`,
      // Providers in the business of the series score better, so they usually win.
      score: scored ? (relevant.includes(p) ? random.int(72, 96) : random.int(55, 75)) : null,
      submittedAt: new Date(dates.createdAt.getTime() + days(random.int(1, 4) + k)),
      submittedBy: `partner:${p.id}`,
    }));
    const winner = status === 'AWARDED' || status === 'EXPIRED' ? [...bids].sort((a, b) => b.score! - a.score!)[0] : undefined;
    out.bids.push(...bids.map((b) => ({ ...b, status: winner ? (b.id === winner.id ? ('WON' as const) : ('LOST' as const)) : ('SUBMITTED' as const) })));
    out.tenders.push({
      id,
      code: `ZB-DEMO-${pad(n)}`,
      itemId: item.id,
      communityId: street ? null : scopeId,
      streetId: street ? scopeId : null,
      title: `${place}${item.name}服务项目招标`,
      requirements: `为${place}提供${item.name}（${item.nameEn}）服务；收费不高于目录标准（${priceLabel(item)}）；接受社区居民监督评议。`,
      budgetFen,
      status: status === 'EXPIRED' ? 'AWARDED' : status,
      bidCount: bids.length,
      awardedBidId: winner?.id ?? null,
      awardedAt: winner ? at(dates.closesIn + 7) : null,
      cancelReason: status === 'CANCELLED' ? random.pick(cancelReasons) : null,
      createdBy: 'demo',
      ...dates.row,
    });
    if (winner)
      addPoint(out, {
        n,
        tenderId: id,
        item,
        providerId: winner.providerId,
        scopeId,
        street,
        contract: { contractStart: dates.row.contractStart, contractEnd: dates.row.contractEnd },
        random,
      });
  });
  return out;
}

const bidRange: Record<Plan, [number, number]> = { AWARDED: [3, 5], EXPIRED: [3, 4], CLOSED: [3, 5], OPEN: [1, 4], CANCELLED: [0, 2] };

function tenderDates(status: Plan, random: ReturnType<typeof seededRandom>, at: (d: number) => Date) {
  const contractFrom = {
    AWARDED: -random.int(20, 500),
    EXPIRED: -random.int(800, 1000),
    CLOSED: random.int(15, 40),
    OPEN: random.int(40, 70),
    CANCELLED: -random.int(10, 150),
  }[status];
  const closesIn = status === 'OPEN' ? random.int(5, 25) : status === 'CLOSED' ? -random.int(1, 10) : contractFrom - 21;
  const createdAt = at(closesIn - 30);
  const row = {
    contractStart: at(contractFrom),
    contractEnd: at(contractFrom + 730),
    closesAt: new Date(at(closesIn).getTime() + 17 * 3600_000),
    createdAt,
    updatedAt: createdAt,
  };
  return { row, closesIn, createdAt };
}

interface PointSpec {
  n: number;
  tenderId: string;
  item: DemoItem;
  providerId: string;
  scopeId: string;
  street: boolean;
  contract: { contractStart: Date; contractEnd: Date };
  random: ReturnType<typeof seededRandom>;
}

function addPoint(out: DemoNetwork, { n, tenderId, item, providerId, scopeId, street, contract, random }: PointSpec) {
  const community = street ? undefined : communityById.get(scopeId)!;
  const place = street ? streetById.get(scopeId)! : community!;
  const centre = community ? communityCentre(community.id) : communityCentre(demoCommunities.find((c) => c.streetId === scopeId)!.id);
  const id = `point-demo-${pad(n)}`;
  out.points.push({
    id,
    code: `SP-DEMO-${pad(n)}`,
    name: `${place.name}${item.name}${street ? '服务站' : '服务点'}`,
    nameEn: `${item.nameEn} ${street ? 'station' : 'point'}, ${place.nameEn}`,
    itemId: item.id,
    providerId,
    tenderId,
    communityId: community?.id ?? null,
    streetId: street ? scopeId : null,
    address: `武汉市江汉区${community ? `${streetById.get(community.streetId)!.name}${community.name}` : place.name}服务中心${random.int(1, 88)}号`,
    ...near(centre, random),
    openingHours: random.pick(hoursOptions),
    phone: `0278${random.int(1_000_000, 9_999_999)}`,
    ...contract,
    createdAt: contract.contractStart,
  });
  out.notices.push(
    {
      id: `${id}-n1`,
      servicePointId: id,
      kind: 'CHARGES',
      title: '收费标准公示',
      content: `${item.name}：${priceLabel(item)}`,
      publishedAt: contract.contractStart,
    },
    {
      id: `${id}-n2`,
      servicePointId: id,
      kind: 'SUPERVISION_CHANNEL',
      title: '监督投诉渠道',
      content: '服务质量问题可向社区居委会反映，或拨打江汉区民生诉求热线。',
      publishedAt: contract.contractStart,
    },
  );
}
