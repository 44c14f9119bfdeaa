// The hub's geography as the health centre knows it: the 13 streets of Jianghan District and how
// many communities each has. Community ids follow the hub's convention, `community-<street>-NN`,
// so the centre's records join the hub's communities without a lookup table of its own.
export interface Street {
  slug: string;
  /** Short Chinese name, as in 民族街社区卫生服务中心. */
  name: string;
  communityCount: number;
}

export const streets: readonly Street[] = [
  { slug: 'minzu', name: '民族街', communityCount: 8 },
  { slug: 'hualou', name: '花楼街', communityCount: 9 },
  { slug: 'shuita', name: '水塔街', communityCount: 8 },
  { slug: 'minquan', name: '民权街', communityCount: 9 },
  { slug: 'manchun', name: '满春街', communityCount: 8 },
  { slug: 'minyi', name: '民意街', communityCount: 9 },
  { slug: 'xinhua', name: '新华街', communityCount: 10 },
  { slug: 'wansong', name: '万松街', communityCount: 9 },
  { slug: 'tangjiadun', name: '唐家墩街', communityCount: 8 },
  { slug: 'beihu', name: '北湖街', communityCount: 9 },
  { slug: 'changqing', name: '常青街', communityCount: 9 },
  { slug: 'hanxing', name: '汉兴街', communityCount: 8 },
  { slug: 'qianjin', name: '前进街', communityCount: 8 },
];

export const communityId = (street: Street, n: number): string => `community-${street.slug}-${String(n).padStart(2, '0')}`;

export const communityIds = (street: Street): string[] => Array.from({ length: street.communityCount }, (_, i) => communityId(street, i + 1));
