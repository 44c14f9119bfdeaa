// The demo district's geography and departments, shared by every subgraph's seed so that the
// same IDs name the same street, community and department everywhere. Street names are the 13
// streets of Jianghan District; community names are synthetic.
import { seededRandom } from './random.js';
import { loadOrExit } from '../config/define.js';
import { chineseOrdinal, demoScale } from './scale.js';

export interface DemoStreet {
  id: string;
  name: string;
  nameEn: string;
  /** One of the three streets where the reform was piloted first (the choice is synthetic). */
  pilot: boolean;
  communityCount: number;
}

export interface DemoCommunity {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  streetId: string;
  population: number;
  households: number;
}

export interface DemoDepartment {
  id: string;
  name: string;
  nameEn: string;
  shortName: string;
  /** The specialised work it guides in communities. */
  specialty: string;
}

const streetRows: [string, string, boolean, number][] = [
  ['民族', 'Minzu', true, 8],
  ['花楼', 'Hualou', false, 9],
  ['水塔', 'Shuita', false, 8],
  ['民权', 'Minquan', true, 9],
  ['满春', 'Manchun', false, 8],
  ['民意', 'Minyi', false, 9],
  ['新华', 'Xinhua', false, 10],
  ['万松', 'Wansong', false, 9],
  ['唐家墩', 'Tangjiadun', true, 8],
  ['北湖', 'Beihu', false, 9],
  ['常青', 'Changqing', false, 9],
  ['汉兴', 'Hanxing', false, 8],
  ['前进', 'Qianjin', false, 8],
];

// Read at import, before any entry point has parsed its configuration: a bad value ends the
// process with the loaders' one-line message rather than a stack trace from inside an import.
const scale = loadOrExit('demo data', () => demoScale());

export const demoStreets: DemoStreet[] = streetRows.map(([zh, en, pilot, communityCount]) => ({
  id: `street-${en.toLowerCase()}`,
  name: `${zh}街道`,
  nameEn: `${en} Street`,
  pilot,
  communityCount: communityCount * scale,
}));

// Synthetic community name stems, each [Chinese, pinyin].
const stems: [string, string][] = [
  ['振兴', 'Zhenxing'],
  ['和平', 'Heping'],
  ['友谊', 'Youyi'],
  ['同心', 'Tongxin'],
  ['春晖', 'Chunhui'],
  ['江滨', 'Jiangbin'],
  ['荣华', 'Ronghua'],
  ['安康', 'Ankang'],
  ['利民', 'Limin'],
  ['惠民', 'Huimin'],
  ['新村', 'Xincun'],
  ['里弄', 'Linong'],
  ['汉口', 'Hankou'],
  ['三阳', 'Sanyang'],
  ['大兴', 'Daxing'],
  ['红旗', 'Hongqi'],
  ['联合', 'Lianhe'],
  ['花园', 'Huayuan'],
  ['文昌', 'Wenchang'],
  ['永宁', 'Yongning'],
  ['兴隆', 'Xinglong'],
  ['义和', 'Yihe'],
  ['仁寿', 'Renshou'],
  ['德润', 'Derun'],
  ['长春', 'Changchun'],
  ['复兴', 'Fuxing'],
  ['宝善', 'Baoshan'],
  ['泰宁', 'Taining'],
  ['清芬', 'Qingfen'],
  ['吉庆', 'Jiqing'],
  ['南京', 'Nanjing'],
  ['铭新', 'Mingxin'],
  ['保华', 'Baohua'],
  ['上海', 'Shanghai'],
  ['自治', 'Zizhi'],
  ['协和', 'Xiehe'],
  ['中山', 'Zhongshan'],
  ['天声', 'Tiansheng'],
  ['璇宫', 'Xuangong'],
  ['崇仁', 'Chongren'],
  ['楚宝', 'Chubao'],
  ['北湖', 'Beihu'],
  ['西园', 'Xiyuan'],
  ['东升', 'Dongsheng'],
  ['常宁', 'Changning'],
  ['青松', 'Qingsong'],
  ['银松', 'Yinsong'],
  ['万科', 'Wanke'],
  ['华安', "Hua'an"],
  ['顺道', 'Shundao'],
  ['如寿', 'Rushou'],
  ['民生', 'Minsheng'],
  ['交通', 'Jiaotong'],
  ['团结', 'Tuanjie'],
  ['建设', 'Jianshe'],
  ['新华', 'Xinhua'],
  ['金墩', 'Jindun'],
  ['杨汊湖', 'Yangchahu'],
  ['红光', 'Hongguang'],
  ['前锋', 'Qianfeng'],
  ['长青', 'Changqing'],
  ['汇丰', 'Huifeng'],
  ['立新', 'Lixin'],
  ['满庭', 'Manting'],
  ['春华', 'Chunhua'],
  ['秋实', 'Qiushi'],
  ['晴川', 'Qingchuan'],
  ['月湖', 'Yuehu'],
  ['桃源', 'Taoyuan'],
  ['梅园', 'Meiyuan'],
  ['竹林', 'Zhulin'],
  ['兰亭', 'Lanting'],
  ['菊香', 'Juxiang'],
  ['松柏', 'Songbai'],
  ['枫叶', 'Fengye'],
  ['银杏', 'Yinxing'],
  ['紫荆', 'Zijing'],
  ['香樟', 'Xiangzhang'],
  ['翠微', 'Cuiwei'],
  ['锦绣', 'Jinxiu'],
  ['和美', 'Hemei'],
  ['康乐', 'Kangle'],
  ['福寿', 'Fushou'],
  ['吉祥', 'Jixiang'],
  ['如意', 'Ruyi'],
  ['安居', 'Anju'],
  ['乐业', 'Leye'],
  ['温馨', 'Wenxin'],
  ['和谐', 'Hexie'],
  ['文明', 'Wenming'],
  ['诚信', 'Chengxin'],
  ['明德', 'Mingde'],
  ['尚贤', 'Shangxian'],
  ['崇文', 'Chongwen'],
  ['育才', 'Yucai'],
  ['启航', 'Qihang'],
  ['远航', 'Yuanhang'],
  ['朝阳', 'Chaoyang'],
  ['晨光', 'Chenguang'],
  ['星光', 'Xingguang'],
  ['彩虹', 'Caihong'],
  ['白云', 'Baiyun'],
  ['青云', 'Qingyun'],
  ['祥云', 'Xiangyun'],
  ['瑞祥', 'Ruixiang'],
  ['鸿福', 'Hongfu'],
  ['金桥', 'Jinqiao'],
  ['玉带', 'Yudai'],
  ['新兴', 'Xinxing'],
  ['宏伟', 'Hongwei'],
  ['跃进', 'Yuejin'],
  ['光明', 'Guangming'],
];

const baseCount = (street: DemoStreet) => street.communityCount / scale;

function community(street: DemoStreet, s: number, i: number, name: string, nameEn: string, random: ReturnType<typeof seededRandom>): DemoCommunity {
  const population = random.int(3_000, 12_000);
  return {
    id: `community-${street.id.slice('street-'.length)}-${String(i).padStart(2, '0')}`,
    code: `420103${String(s + 1).padStart(3, '0')}${String(i).padStart(3, '0')}`,
    name,
    nameEn,
    streetId: street.id,
    population,
    households: Math.round((population / random.int(26, 31)) * 10),
  };
}

function buildCommunities(): DemoCommunity[] {
  const random = seededRandom('jianghan-communities');
  const out: DemoCommunity[] = [];
  let stem = 0;
  demoStreets.forEach((street, s) => {
    for (let i = 1; i <= baseCount(street); i++, stem++) {
      const [zh, en] = stems[stem] as [string, string];
      out.push(community(street, s, i, `${zh}社区`, `${en} Community`, random));
    }
  });
  // A larger demo (SHEQU_DEMO_SCALE) adds communities after the real district's, from a stream
  // of their own, so the first 112 stay exactly as they are at scale 1; each street keeps its
  // share, the names repeat the stems with an ordinal (复兴二社区, Fuxing No. 2 Community).
  const more = seededRandom('jianghan-communities-scaled');
  let extra = 0;
  demoStreets.forEach((street, s) => {
    for (let i = baseCount(street) + 1; i <= street.communityCount; i++, extra++) {
      const round = 2 + Math.floor(extra / stems.length);
      const [zh, en] = stems[extra % stems.length] as [string, string];
      out.push(community(street, s, i, `${zh}${chineseOrdinal(round)}社区`, `${en} No. ${round} Community`, more));
    }
  });
  return out;
}

export const demoCommunities: DemoCommunity[] = buildCommunities();

export const demoDepartments: DemoDepartment[] = [
  {
    id: 'dept-family-planning',
    name: '区计划生育委员会',
    nameEn: 'District Family Planning Commission',
    shortName: '计生委',
    specialty: 'family planning and population services',
  },
  {
    id: 'dept-public-security',
    name: '公安分局',
    nameEn: 'Public Security Sub-bureau',
    shortName: '公安分局',
    specialty: 'community policing and household registration',
  },
  {
    id: 'dept-sanitation',
    name: '市容环境卫生局',
    nameEn: 'City Appearance and Sanitation Bureau',
    shortName: '市容环卫局',
    specialty: 'street cleaning and waste collection',
  },
  { id: 'dept-culture', name: '文化局', nameEn: 'Culture Bureau', shortName: '文化局', specialty: 'community culture and sports activities' },
  {
    id: 'dept-city-appearance',
    name: '市容办',
    nameEn: 'City Appearance Office',
    shortName: '市容办',
    specialty: 'city appearance and public order of streets',
  },
  { id: 'dept-health', name: '卫生局', nameEn: 'Health Bureau', shortName: '卫生局', specialty: 'community health and epidemic prevention' },
  // Not one of the six pilots but the lead of community building as the source describes it
  // (民政部门牵头、职能部门配合), and so of the welfare services for vulnerable groups.
  {
    id: 'dept-civil-affairs',
    name: '区民政局',
    nameEn: 'District Civil Affairs Bureau',
    shortName: '民政局',
    specialty: 'community building, welfare services and social assistance',
  },
];
