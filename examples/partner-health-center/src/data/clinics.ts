// The health centre's own records, synthetic: one community health service centre per street
// (社区卫生服务中心) and service stations (社区卫生服务站) for the rest of the street. Every
// community is served by one or two clinics; roads, numbers and rates are invented.
import { hash32, seededRandom } from './seeded.js';
import { communityIds, streets, type Street } from './streets.js';

export interface Clinic {
  id: string;
  name: string;
  address: string;
  openingHours: string;
  /** Ids of the communities it serves (the hub's ids). */
  communities: readonly string[];
}

// Invented road names; none is meant to be a real road of Wuhan.
const roadStems = [
  '杏林',
  '康宁',
  '安和',
  '仁济',
  '寿春',
  '青桐',
  '柳荫',
  '梧桐',
  '桂香',
  '槐荫',
  '榆钱',
  '荷风',
  '松鹤',
  '椿萱',
  '兰馨',
  '芝兰',
  '泰和',
  '永康',
  '长乐',
  '益寿',
  '德馨',
  '济安',
  '瑞安',
  '福安',
  '乐康',
  '惠风',
  '和畅',
  '清源',
  '明泉',
  '望川',
  '临波',
  '新桥',
  '古井',
  '石榴',
  '海棠',
  '丁香',
  '蔷薇',
  '芙蓉',
  '月季',
  '茉莉',
  '紫藤',
  '玉兰',
  '木樨',
  '百合',
  '杜鹃',
  '含笑',
  '石竹',
  '凌霄',
  '合欢',
  '棠棣',
  '萱草',
  '白芷',
  '半夏',
  '连翘',
  '忍冬',
  '茯苓',
];
// No 街 among them: a station is named street + road, and 民族街安和街… would read as two streets.
const roadKinds = ['路', '巷', '里'];
const centreHours = ['周一至周五 8:00–17:30，周六 8:00–12:00', '周一至周六 8:00–17:30，周日 8:00–12:00', '周一至周日 8:00–17:30'];
const stationHours = ['周一至周五 8:00–12:00，14:00–17:30', '周一至周六 8:00–12:00，14:00–17:00', '周一至周五 8:30–17:00'];

/** Consecutive runs of 2–3 communities: the centre's own catchment first, then one per station. */
function catchments(ids: readonly string[], random: ReturnType<typeof seededRandom>): string[][] {
  const groups: string[][] = [];
  for (let i = 0; i < ids.length; ) {
    const left = ids.length - i;
    const size = left <= 3 ? left : left === 4 ? 2 : random.int(2, 3);
    groups.push(ids.slice(i, i + size));
    i += size;
  }
  return groups;
}

function buildClinics(): Clinic[] {
  const random = seededRandom('health-center-clinics');
  const stems = [...roadStems];
  // A road is used once across the district, so every clinic has an address of its own.
  const road = () => `${stems.splice(random.int(0, stems.length - 1), 1)[0]}${random.pick(roadKinds)}`;
  const address = (r: string) => `武汉市江汉区${r}${random.int(1, 220)}号`;

  return streets.flatMap((street: Street) => {
    const [own = [], ...rest] = catchments(communityIds(street), random);
    // The centre also serves the first community beyond its catchment: the two share a border.
    const centreServes = rest[0]?.[0] ? [...own, rest[0][0]] : own;
    const centreRoad = road();
    const centre: Clinic = {
      id: `clinic-${street.slug}-center`,
      name: `${street.name}社区卫生服务中心`,
      address: address(centreRoad),
      openingHours: random.pick(centreHours),
      communities: centreServes,
    };
    const stations = rest.map((communities, i): Clinic => {
      const r = road();
      return {
        id: `clinic-${street.slug}-station-${String(i + 1).padStart(2, '0')}`,
        name: `${street.name}${r}社区卫生服务站`,
        address: address(r),
        openingHours: random.pick(stationHours),
        communities,
      };
    });
    return [centre, ...stations];
  });
}

export const clinics: readonly Clinic[] = buildClinics();

const byCommunity = new Map<string, Clinic[]>();
for (const clinic of clinics) {
  for (const id of clinic.communities) byCommunity.set(id, [...(byCommunity.get(id) ?? []), clinic]);
}

/** The clinics serving a community; none for an id the centre does not know. */
export const clinicsServing = (communityId: string): readonly Clinic[] => byCommunity.get(communityId) ?? [];

// A few communities' residents are registered with a hospital-run station outside the centre's
// system, so it keeps no vaccination records for them: the five whose id hashes lowest.
const withoutRecords = new Set([...byCommunity.keys()].sort((a, b) => hash32(`no-records:${a}`) - hash32(`no-records:${b}`)).slice(0, 5));

/** Share of residents fully vaccinated, 0.86–0.99, or null where the centre keeps no records. */
export function vaccinationRate(communityId: string): number | null {
  if (!byCommunity.has(communityId) || withoutRecords.has(communityId)) return null;
  return Math.round((0.86 + (hash32(`vaccination:${communityId}`) % 13_001) / 100_000) * 1000) / 1000;
}
