// Synthetic service providers of the demo: companies, social organisations and institutions
// that bid for the series they are in the business of.
import { seededRandom } from '@shequ/kit';
import type { ServiceProviderKind } from '../generated/prisma/enums.js';

export interface DemoProvider {
  id: string;
  name: string;
  nameEn: string;
  kind: ServiceProviderKind;
  creditCode: string;
  /** Codes of the series it bids for. */
  series: string[];
}

const rows: [string, string, string, ServiceProviderKind, string][] = [
  ['kangle', '江汉区康乐居家养老服务中心', 'Jianghan Kangle Home Care Centre', 'SOCIAL_ORGANISATION', 'S1,S4'],
  ['yihe', '武汉颐和养老服务有限公司', 'Wuhan Yihe Elderly Care Co., Ltd.', 'ENTERPRISE', 'S1,S2'],
  ['zhucan', '江汉区助残服务社', 'Jianghan Disability Services Cooperative', 'SOCIAL_ORGANISATION', 'S2'],
  ['renai', '武汉仁爱康复中心', "Wuhan Ren'ai Rehabilitation Centre", 'PUBLIC_INSTITUTION', 'S2,S4'],
  ['yangguang', '江汉区阳光社工服务中心', 'Jianghan Sunshine Social Work Centre', 'SOCIAL_ORGANISATION', 'S1,S3,S6'],
  ['huimin', '武汉惠民家政服务有限公司', 'Wuhan Huimin Housekeeping Co., Ltd.', 'ENTERPRISE', 'S5,S1'],
  ['anju', '武汉安居物业管理有限公司', 'Wuhan Anju Property Management Co., Ltd.', 'ENTERPRISE', 'S7,S8'],
  ['health-centre', '江汉区社区卫生服务中心', 'Jianghan Community Health Service Centre', 'PUBLIC_INSTITUTION', 'S4,S1'],
  ['baixing', '武汉百姓便民维修部', 'Wuhan Baixing Repairs', 'INDIVIDUAL_BUSINESS', 'S5'],
  ['jiecheng', '武汉洁城环境服务有限公司', 'Wuhan Jiecheng Environmental Services Co., Ltd.', 'ENTERPRISE', 'S7'],
  ['youth-centre', '江汉区青少年活动中心', 'Jianghan Youth Activity Centre', 'PUBLIC_INSTITUTION', 'S6'],
  ['shuxiang', '武汉书香文化传播有限公司', 'Wuhan Shuxiang Culture Co., Ltd.', 'ENTERPRISE', 'S6'],
  ['weishi', '武汉卫士保安服务有限公司', 'Wuhan Weishi Security Services Co., Ltd.', 'ENTERPRISE', 'S8'],
  ['weimei', '武汉味美餐饮管理有限公司', 'Wuhan Weimei Catering Management Co., Ltd.', 'ENTERPRISE', 'S8,S1'],
  ['mingli', '江汉区明理法律服务所', 'Jianghan Mingli Legal Services', 'SOCIAL_ORGANISATION', 'S3'],
  ['fushou', '武汉福寿助餐服务部', 'Wuhan Fushou Meal Service', 'INDIVIDUAL_BUSINESS', 'S1,S3'],
  ['lvyin', '武汉绿荫园林工程有限公司', 'Wuhan Lvyin Landscaping Co., Ltd.', 'ENTERPRISE', 'S7'],
  ['jinguo', '江汉区巾帼家政服务社', "Jianghan Women's Housekeeping Cooperative", 'SOCIAL_ORGANISATION', 'S5,S3'],
];

// The first digits of a unified social credit code say who registered the organisation.
const registrar: Record<ServiceProviderKind, string> = {
  ENTERPRISE: '91',
  SOCIAL_ORGANISATION: '52',
  PUBLIC_INSTITUTION: '12',
  INDIVIDUAL_BUSINESS: '92',
};
const codeChars = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export const demoProviders: DemoProvider[] = rows.map(([slug, name, nameEn, kind, series]) => {
  const random = seededRandom(`provider-${slug}`);
  const body = Array.from({ length: 10 }, () => random.pick([...codeChars])).join('');
  return { id: `provider-${slug}`, name, nameEn, kind, creditCode: `${registrar[kind]}420103${body}`, series: series.split(',') };
});
