// Demo jurisdiction units: 3-6 per community, each with an agreement and a few contributions of
// 1,000-15,000 yuan; one unit, the big donor, gave over 100,000 yuan.
import type { DemoCommunity, Random } from '@shequ/kit';
import type { CoConstructionAgreement, CoConstructionUnit, Contribution, ResourceKind, UnitKind } from '../generated/prisma/client.js';
import { demoBigDonorId, demoPartnerId, demoUnitId } from './ids.js';

type Row<T> = Omit<T, 'createdAt'>;

const templates: [UnitKind, string, ResourceKind[]][] = [
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

const what: Record<ResourceKind, string> = {
  ROOMS: '提供活动场地',
  EQUIPMENT: '提供设备',
  MONEY: '捐资支持社区公益项目',
  STAFF_TIME: '派员参与社区服务',
  GOODS: '捐赠物资',
  SERVICES: '开展便民服务',
};

const day = (random: Random, from: number, to: number) => new Date(Date.UTC(random.int(from, to), random.int(0, 11), random.int(1, 28)));

export function demoUnits(community: DemoCommunity, random: Random) {
  const units: Row<CoConstructionUnit>[] = [];
  const agreements: Row<CoConstructionAgreement>[] = [];
  const contributions: Row<Contribution>[] = [];
  const stem = community.name.replace(/社区$/, '');
  const count = random.int(3, 6);
  for (let n = 1; n <= count; n++) {
    const id = demoUnitId(community.id, n);
    const picked = random.pick(templates);
    const [kind, suffix, shares] = id === demoBigDonorId ? templates[0]! : picked;
    units.push({ id, communityId: community.id, name: `江汉${stem}${suffix}`, kind, address: `${stem}路${random.int(1, 300)}号`, partnerId: n === 1 ? demoPartnerId(id) : null });
    const agreementId = `${id}-agreement`;
    const signedOn = day(random, 2019, 2024);
    agreements.push({ id: agreementId, unitId: id, title: `${stem}社区共驻共建协议`, resources: shares, signedOn, validUntil: new Date(Date.UTC(signedOn.getUTCFullYear() + 3, signedOn.getUTCMonth(), signedOn.getUTCDate())) });
    const given = random.int(2, 5);
    for (let c = 1; c <= given; c++) {
      const resource = random.pick(shares);
      contributions.push({ id: `${id}-c${c}`, unitId: id, agreementId, kind: resource, description: what[resource], valueFen: BigInt(random.int(1_000, 15_000) * 100), contributedOn: day(random, 2020, 2025) });
    }
    if (id === demoBigDonorId) {
      contributions.push({ id: `${id}-c0`, unitId: id, agreementId, kind: 'MONEY', description: '捐资建设社区老年活动中心', valueFen: 10_800_000n, contributedOn: new Date(Date.UTC(2024, 8, 20)) });
    }
  }
  return { units, agreements, contributions };
}
