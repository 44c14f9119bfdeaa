// Each community's funds since the reform: special funds from the district, assets handed over by
// the former committees, donations from jurisdiction units (one above 100,000 yuan, as in the
// source), income from community-owned premises, and spending on public services.
import { seededRandom } from '@shequ/kit';
import type { LedgerCategory } from '../generated/prisma/enums.js';
import type { NewEntry } from '../ledger/post.js';
import { day, pad, suffix, type DemoCommunity } from './common.js';

const units = ['江汉区人民医院', '武汉商场', '中国建设银行江汉支行', '湖北电力江汉供电所', '江汉路步行街管委会', '武汉天河酒店', '汉口水塔物业公司', '长江航运大厦'];
const spendings: [string, string][] = [
  ['社区老年食堂', '高龄老人助餐补贴'], ['江汉区某维修公司', '楼道照明维修'], ['社区志愿者服务队', '志愿服务保险与物资'],
  ['社区文化队', '重阳节文艺演出'], ['绿化养护公司', '小区绿地补种'], ['儿童之家', '暑期托管活动材料'],
];

interface Row extends Omit<NewEntry, 'eventId' | 'recordedBy'> {
  id: string;
  reference: string | null;
  reversesId: string | null;
  recordedAt: Date;
}

export function demoLedger(communities: DemoCommunity[]): Row[] {
  const rows: Row[] = [];
  const reversals: Row[] = [];
  communities.forEach((c, index) => {
    const random = seededRandom(`ledger-${c.id}`);
    let n = 0;
    const add = (category: LedgerCategory, yuan: number, source: string, purpose: string, on: string, reversesId: string | null = null) => {
      const row = {
        id: `ledger-${suffix(c.id)}-${pad(++n, 3)}`, communityId: c.id, category, amountFen: yuan * 100, source, purpose,
        occurredOn: day(on), reference: null, reversesId, recordedAt: new Date(day(on).getTime() + 10 * 3_600_000 + n * 60_000),
      };
      (category === 'REVERSAL' ? reversals : rows).push(row);
      return row;
    };
    add('TRANSFERRED_ASSET', random.int(10, 60) * 1000, '原居委会', '原居委会资产移交新社区', '2024-01-15');
    add('SPECIAL_FUND', random.int(50, 90) * 1000, '江汉区财政局', '2024年度社区工作专项经费', '2024-02-20');
    add('SPECIAL_FUND', random.int(50, 90) * 1000, '江汉区财政局', '2025年度社区工作专项经费', '2025-02-18');
    if (index === 0) add('DONATION', 120_000, units[0]!, '共驻共建：捐建社区服务中心', '2024-06-01');
    else if (random.chance(0.6)) add('DONATION', random.int(5, 50) * 1000, random.pick(units), '共驻共建：资助社区公益项目', '2024-09-10');
    add('ASSET_INCOME', random.int(8, 30) * 1000, '社区自有门面出租', '2024年度门面租金', '2024-12-28');
    let month = 3;
    for (let k = random.int(3, 6); k > 0; k--, month++) {
      const [payee, purpose] = random.pick(spendings);
      const spent = add('SPENDING', -random.int(2, 15) * 1000, payee, purpose, `2025-${pad(month)}-15`);
      // Now and then a spending was booked twice; the duplicate is corrected by a reversal.
      if (k === 1 && random.chance(0.15)) {
        const twice = add('SPENDING', spent.amountFen / 100, payee, purpose, `2025-${pad(month)}-15`);
        add('REVERSAL', -twice.amountFen / 100, payee, '重复记账更正', `2025-${pad(month)}-20`, twice.id);
      }
    }
  });
  // Reversals last: they refer to entries that must already be there.
  return [...rows, ...reversals];
}
