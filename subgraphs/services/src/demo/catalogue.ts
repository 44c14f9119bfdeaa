// The demo catalogue: the 8 series and 57 items of a community service network of the kind
// the source describes (八大系列、50余个服务项目). Names and prices are synthetic but realistic.
import type { ChargingMode, ServiceTier, WelfareGroup } from '../generated/prisma/enums.js';

export interface DemoSeries {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  description: string;
  departmentId: string | null;
  sortOrder: number;
}

export interface DemoItem {
  id: string;
  code: string;
  seriesId: string;
  name: string;
  nameEn: string;
  description: string;
  tier: ServiceTier;
  welfareGroup: WelfareGroup | null;
  chargingMode: ChargingMode;
  priceFen: number;
  priceUnit: string;
  departmentId: string | null;
  keywords: string[];
}

// [name, nameEn, description, overseeing department (null: none of the demo departments)]
// The three welfare series (for the elderly, the disabled, entitled and low-income groups) are led
// by civil affairs, which the source names as the lead of community building (民政部门牵头); an
// item another department delivers names it (the department override below).
const civilAffairs = 'dept-civil-affairs';
const series: [string, string, string, string | null][] = [
  ['养老服务', 'Elderly care', 'Care for older residents at home and in the community', civilAffairs],
  ['助残服务', 'Disability support', 'Rehabilitation, assistive devices and inclusion for disabled residents', civilAffairs],
  ['优抚救助服务', 'Entitled groups and social assistance', 'Care for entitled groups (优抚对象) and help for low-income families', civilAffairs],
  ['医疗卫生与计生服务', 'Health and family planning', 'Primary health care and family-planning services', 'dept-family-planning'],
  ['家政便民服务', 'Household and convenience services', 'Everyday services at home and around the neighbourhood', null],
  ['文体教育服务', 'Culture, sports and education', 'Reading, learning, arts and sport in the community', 'dept-culture'],
  ['环境与物业服务', 'Environment and property services', 'Clean, green and well-kept estates', 'dept-sanitation'],
  [
    '安全与驻区单位服务',
    'Safety and services for local units',
    'Public safety, registration errands and services sold to jurisdiction units',
    'dept-public-security',
  ],
];

type Row = [string, string, ServiceTier, WelfareGroup | null, ChargingMode, number, string, string, string | null];
const W = 'WELFARE',
  C = 'CONVENIENCE',
  S = 'SOCIALISED';

// [name, nameEn, tier, group, charging, priceFen, unit, keywords, department override]
const items: Row[][] = [
  [
    ['居家养老上门探访', 'Home visits for older residents', W, 'ELDERLY', 'FREE', 0, 'per visit', 'elderly,home visit,探访', null],
    ['老年助餐', 'Meals for older residents', W, 'ELDERLY', 'LOW_COST', 800, 'per meal', 'elderly,meals,助餐', null],
    ['助浴服务', 'Bathing assistance', W, 'ELDERLY', 'LOW_COST', 2000, 'per visit', 'elderly,bathing,助浴', null],
    ['独居老人紧急呼叫', 'Emergency call for older people living alone', W, 'LIVING_ALONE', 'FREE', 0, 'per month', 'alarm,living alone,呼叫', null],
    ['日间照料', 'Day care', W, 'ELDERLY', 'LOW_COST', 1500, 'per day', 'day care,日托', null],
    ['老年健康讲座', 'Health talks for older people', C, null, 'FREE', 0, 'per session', 'health,talk,讲座', 'dept-health'],
    ['居家护理', 'Home nursing', C, null, 'PAID', 6000, 'per visit', 'nursing,护理', 'dept-health'],
  ],
  [
    ['残疾人康复训练', 'Rehabilitation training', W, 'DISABLED', 'FREE', 0, 'per session', 'rehabilitation,康复', null],
    ['辅助器具租借', 'Assistive device lending', W, 'DISABLED', 'LOW_COST', 500, 'per month', 'wheelchair,assistive device,辅具', null],
    ['无障碍出行陪同', 'Accompanied trips', W, 'DISABLED', 'LOW_COST', 1000, 'per trip', 'escort,mobility,陪同', null],
    ['残疾人就业指导', 'Employment guidance for disabled people', W, 'DISABLED', 'FREE', 0, 'per session', 'employment,就业', null],
    ['精神障碍社区康复', 'Community mental-health rehabilitation', W, 'DISABLED', 'FREE', 0, 'per session', 'mental health,精神康复', 'dept-health'],
    ['手语翻译', 'Sign-language interpreting', W, 'DISABLED', 'FREE', 0, 'per hour', 'sign language,手语', null],
    ['家庭无障碍改造咨询', 'Home accessibility advice', C, null, 'FREE', 0, 'per visit', 'accessibility,无障碍', null],
  ],
  [
    ['优抚对象走访慰问', 'Visits to entitled persons', W, 'ENTITLED', 'FREE', 0, 'per visit', 'veterans,优抚,慰问', null],
    ['优抚对象就医协助', 'Medical appointments help for entitled persons', W, 'ENTITLED', 'FREE', 0, 'per appointment', 'veterans,medical,就医', 'dept-health'],
    ['临时救助申请协助', 'Help applying for temporary assistance', W, 'LOW_INCOME', 'FREE', 0, 'per case', 'assistance,救助', null],
    ['困难家庭助学', 'Study support for low-income families', W, 'LOW_INCOME', 'FREE', 0, 'per term', 'education,助学', null],
    ['爱心超市', 'Charity supermarket', W, 'LOW_INCOME', 'LOW_COST', 100, 'per item', 'charity,goods,爱心超市', null],
    ['再就业培训', 'Re-employment training', W, 'LOW_INCOME', 'FREE', 0, 'per course', 'training,再就业', null],
    ['法律援助咨询', 'Legal aid advice', C, null, 'FREE', 0, 'per consultation', 'legal aid,法律', null],
  ],
  [
    ['家庭医生签约', 'Family doctor contract', C, null, 'FREE', 0, 'per year', 'family doctor,家庭医生', 'dept-health'],
    ['慢病随访', 'Chronic disease follow-up', W, 'ELDERLY', 'FREE', 0, 'per visit', 'chronic disease,随访', 'dept-health'],
    ['上门采血', 'Blood sampling at home', C, null, 'LOW_COST', 1000, 'per visit', 'blood test,采血', 'dept-health'],
    ['计划生育咨询', 'Family-planning counselling', C, null, 'FREE', 0, 'per consultation', 'family planning,计生', null],
    ['孕产妇保健指导', 'Maternal health guidance', C, null, 'FREE', 0, 'per visit', 'maternal,孕产', null],
    ['儿童预防接种提醒', 'Child vaccination reminders', C, null, 'FREE', 0, 'per child', 'vaccination,接种', 'dept-health'],
    ['流动人口计生服务', 'Family-planning services for migrants', C, null, 'FREE', 0, 'per case', 'migrants,流动人口', null],
  ],
  [
    ['家政保洁', 'Housekeeping', C, null, 'PAID', 4000, 'per hour', 'cleaning,家政', null],
    ['家电维修', 'Appliance repair', C, null, 'PAID', 3000, 'per call-out', 'repair,家电', null],
    ['水电维修', 'Plumbing and electrical repair', C, null, 'LOW_COST', 1000, 'per call-out', 'plumbing,electric,水电', null],
    ['代收快递', 'Parcel collection', C, null, 'FREE', 0, 'per parcel', 'parcels,快递', null],
    ['便民理发', 'Haircuts', C, null, 'LOW_COST', 500, 'per haircut', 'haircut,理发', null],
    ['衣物缝补', 'Clothes mending', C, null, 'LOW_COST', 300, 'per item', 'mending,缝补', null],
    ['开锁换锁', 'Locksmith', C, null, 'PAID', 8000, 'per call-out', 'locksmith,开锁', 'dept-public-security'],
  ],
  [
    ['社区图书室', 'Community reading room', C, null, 'FREE', 0, 'per visit', 'library,reading,图书', null],
    ['青少年课后托管', 'After-school care', C, null, 'LOW_COST', 30000, 'per month', 'after school,托管', null],
    ['老年大学课程', 'Courses for older people', W, 'ELDERLY', 'LOW_COST', 5000, 'per term', 'courses,老年大学', null],
    ['文艺团队排练场地', 'Rehearsal space for arts groups', C, null, 'FREE', 0, 'per session', 'arts,rehearsal,排练', null],
    ['全民健身指导', 'Fitness guidance', C, null, 'FREE', 0, 'per session', 'fitness,健身', null],
    ['四点半课堂', 'Half-past-four classroom', C, null, 'FREE', 0, 'per afternoon', 'children,homework,四点半', null],
    ['社区电影放映', 'Community film screenings', C, null, 'FREE', 0, 'per screening', 'film,电影', null],
  ],
  [
    ['大件垃圾清运', 'Bulky waste removal', C, null, 'LOW_COST', 2000, 'per load', 'waste,垃圾清运', null],
    ['楼道保洁', 'Stairwell cleaning', C, null, 'FREE', 0, 'per building', 'cleaning,楼道', null],
    ['化粪池清掏', 'Septic tank clearing', C, null, 'PAID', 30000, 'per job', 'septic,化粪池', null],
    ['单位绿化养护', 'Green space maintenance for units', S, null, 'PAID', 500000, 'per month', 'landscaping,绿化', null],
    ['垃圾分类指导', 'Waste sorting guidance', C, null, 'FREE', 0, 'per household', 'recycling,垃圾分类', null],
    ['老旧小区物业托管', 'Property management for old estates', C, null, 'LOW_COST', 3000, 'per household-month', 'property,物业', null],
    ['单位保洁外包', 'Office cleaning for units', S, null, 'PAID', 800000, 'per month', 'office cleaning,保洁', null],
  ],
  [
    ['治安巡逻', 'Neighbourhood patrols', C, null, 'FREE', 0, 'per patrol', 'patrol,治安', null],
    ['户籍代办', 'Household registration errands', C, null, 'FREE', 0, 'per case', 'hukou,户籍', null],
    ['出租屋登记', 'Rental housing registration', C, null, 'FREE', 0, 'per dwelling', 'rental,出租屋', null],
    ['单位安保服务', 'Security guarding for units', S, null, 'PAID', 450000, 'per guard-month', 'security,安保', null],
    ['员工食堂配餐', 'Staff canteen catering for units', S, null, 'PAID', 1800, 'per meal', 'catering,配餐', null],
    ['会议场地租赁', 'Meeting-room rental for units', S, null, 'PAID', 20000, 'per half-day', 'venue,场地', 'dept-culture'],
    ['职工体检组织', 'Staff health checks for units', S, null, 'PAID', 25000, 'per person', 'health check,体检', 'dept-health'],
    ['消防安全检查', 'Fire-safety inspection for units', S, null, 'LOW_COST', 50000, 'per inspection', 'fire safety,消防', null],
  ],
];

const pad = (n: number) => String(n).padStart(2, '0');

export const demoSeries: DemoSeries[] = series.map(([name, nameEn, description, departmentId], i) => ({
  id: `series-s${i + 1}`,
  code: `S${i + 1}`,
  name,
  nameEn,
  description,
  departmentId,
  sortOrder: i + 1,
}));

export const demoItems: DemoItem[] = items.flatMap((rows, s) =>
  rows.map(([name, nameEn, tier, welfareGroup, chargingMode, priceFen, priceUnit, keywords, department], i) => ({
    id: `item-s${s + 1}-${pad(i + 1)}`,
    code: `S${s + 1}-${pad(i + 1)}`,
    seriesId: demoSeries[s]!.id,
    name,
    nameEn,
    description: `${nameEn} (${name}), ${tier.toLowerCase()} service: ${demoSeries[s]!.description.toLowerCase()}.`,
    tier,
    welfareGroup,
    chargingMode,
    priceFen,
    priceUnit,
    departmentId: department ?? demoSeries[s]!.departmentId,
    keywords: keywords.split(','),
  })),
);
