// Each community's funds since the ledger opened (the reform's first full year) up to the demo's
// reference day: assets handed over by the former committee, the district's yearly special fund,
// rent from community-owned premises, the jurisdiction units' money contributions as donations
// (the same ones the party subgraph shows, from the kit's generator: one of them above 100,000
// yuan, as in the source), and spending on public services, festival events on the festival's day.
import { addDays, demoDonations, demoLedgerOpening, donationEventId, donationReference, festivalNames, festivalsBetween, seededRandom } from '@shequ/kit';
import type { LedgerCategory } from '../generated/prisma/enums.js';
import type { NewEntry } from '../ledger/post.js';
import { pad, suffix, type DemoCommunity } from './common.js';

const spendings: [string, string][] = [
  ['社区老年食堂', '高龄老人助餐补贴'],
  ['江汉区某维修公司', '楼道照明维修'],
  ['社区志愿者服务队', '志愿服务保险与物资'],
  ['绿化养护公司', '小区绿地补种'],
  ['儿童之家', '托管活动材料'],
  ['社区文化队', '文化活动器材'],
];
const festivalSpending: Record<string, string> = {
  春节: '春节走访慰问困难群众物资',
  元宵节: '元宵节游园会灯谜与奖品',
  清明节: '清明节文明祭扫宣传材料',
  端午节: '端午节包粽子邻里活动材料',
  中秋节: '中秋节邻里茶话会月饼',
  重阳节: '重阳节敬老文艺演出',
};

interface Row extends Omit<NewEntry, 'recordedBy'> {
  id: string;
  reference: string | null;
  eventId: string | null;
  reversesId: string | null;
  recordedAt: Date;
}

type Draft = Omit<Row, 'id' | 'recordedAt' | 'communityId'>;

export function demoLedger(communities: DemoCommunity[], reference: Date): Row[] {
  const rows: Row[] = [];
  const reversals: Row[] = [];
  const opening = demoLedgerOpening(reference);
  const years = Array.from({ length: reference.getUTCFullYear() - opening.getUTCFullYear() + 1 }, (_, k) => opening.getUTCFullYear() + k);
  for (const c of communities) {
    const random = seededRandom(`ledger-${c.id}`);
    const drafts: Draft[] = [];
    const add = (category: LedgerCategory, fen: number, source: string, purpose: string, occurredOn: Date, extra: Partial<Draft> = {}) => {
      if (occurredOn > reference) return;
      drafts.push({ category, amountFen: fen, source, purpose, occurredOn, reference: null, eventId: null, reversesId: null, ...extra });
    };
    add('TRANSFERRED_ASSET', random.int(10, 60) * 100_000, '原居委会', '原居委会资产移交新社区', opening);
    for (const year of years) {
      add('SPECIAL_FUND', random.int(50, 90) * 100_000, '江汉区财政局', `${year}年度社区工作专项经费`, new Date(Date.UTC(year, 1, random.int(16, 24))));
      add('ASSET_INCOME', random.int(8, 30) * 100_000, '社区自有门面出租', `${year}年度门面租金`, new Date(Date.UTC(year, 11, 28)));
    }
    // Booked with the contribution's own outbox event id, so a later delivery of it (the same
    // event) would find it there and change nothing.
    for (const d of demoDonations(c, reference)) {
      add('DONATION', d.amountFen, d.donor, d.purpose, d.on, { reference: donationReference(d.contributionId), eventId: donationEventId(d.contributionId) });
    }
    for (
      let month = new Date(Date.UTC(opening.getUTCFullYear(), 2, 1));
      month <= reference;
      month = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1))
    ) {
      if (!random.chance(0.45)) continue;
      const [payee, purpose] = random.pick(spendings);
      add('SPENDING', -random.int(2, 12) * 100_000, payee, purpose, addDays(month, random.int(4, 24)));
    }
    for (const { festival, day } of festivalsBetween(addDays(opening, 30), reference)) {
      const name = festivalNames[festival];
      if (random.chance(0.45)) add('SPENDING', -random.int(2, 8) * 100_000, '社区文化队', festivalSpending[name]!, day);
    }
    drafts.sort((a, b) => a.occurredOn.getTime() - b.occurredOn.getTime());
    let n = 0;
    const place = (d: Draft, into: Row[]) => {
      const row = {
        ...d,
        id: `ledger-${suffix(c.id)}-${pad(++n, 3)}`,
        communityId: c.id,
        recordedAt: new Date(d.occurredOn.getTime() + 2 * 3_600_000 + n * 60_000),
      };
      into.push(row);
      return row;
    };
    for (const d of drafts) place(d, rows);
    // Now and then the latest spending was booked twice; the duplicate is corrected by a reversal.
    const last = [...drafts].reverse().find((d) => d.category === 'SPENDING');
    if (last && random.chance(0.15)) {
      const twice = place({ ...last }, rows);
      const correctedOn = addDays(last.occurredOn, 3) > reference ? reference : addDays(last.occurredOn, 3);
      place({ ...last, category: 'REVERSAL', amountFen: -last.amountFen, purpose: '重复记账更正', occurredOn: correctedOn, reversesId: twice.id }, reversals);
    }
  }
  // Reversals last: they refer to entries that must already be there.
  return [...rows, ...reversals];
}
